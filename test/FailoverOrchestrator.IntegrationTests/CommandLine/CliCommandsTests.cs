using System.Diagnostics;
using System.Text.Json;
using FailoverOrchestrator.Cli;

namespace FailoverOrchestrator.IntegrationTests.CommandLine;

/// <summary>
/// The CLI through its entry point (the arguments as the shell passes them, stdout and stderr captured) and, for the
/// exit code itself, as a process: help on every command, usage errors that name the option with exit 2, and the
/// documented exit codes of <c>invoke</c> (0 a result, 1 the handler threw).
/// </summary>
public class CliCommandsTests
{
    private static readonly string AlarmOk = Path.Combine(AppContext.BaseDirectory, "samples", "events", "alarm-ok.json");

    public static TheoryData<string[], string> HelpCases => new()
    {
        { ["--help"], "drill" },
        { ["-h"], "invoke" },
        { ["help"], "drill" },
        { ["drill", "--help"], "--scenario <NAME[,NAME...]|all>" },
        { ["drill", "-h"], "--runtime <managed|bootstrap|aot>" },
        { ["help", "drill"], "--json" },
        { ["invoke", "--help"], "--payload <FILE> (REQUIRED)" },
        { ["invoke", "--payload", "x.json", "--help"], "--via-runtime" },
    };

    public static TheoryData<string[], string> UsageErrorCases => new()
    {
        { [], "Required command was not provided" },
        { ["frobnicate"], "'frobnicate'" },
        { ["drill", "--scenario", "nope"], "--scenario: unknown scenario 'nope'; scenarios: region-outage, " },
        { ["drill", "--scenario", "failback,nope,all"], "--scenario: unknown scenario 'nope'" },
        { ["drill", "--scenario", ","], "--scenario: unknown scenario ''" },
        { ["drill", "--scenario"], "'--scenario'" },
        { ["drill", "--runtime", "native"], "--runtime 'native' is not a build: use one of managed, bootstrap, aot" },
        { ["drill", "--runtime"], "'--runtime'" },
        { ["drill", "--bogus"], "'--bogus'" },
        { ["drill", "--payload", "x.json"], "'--payload'" },
        { ["invoke"], "Option '--payload' is required" },
        { ["invoke", "--payload", "/nonexistent/event.json"], "--payload file '/nonexistent/event.json' does not exist" },
        { ["invoke", "--payload", AlarmOk, "--config", "/nonexistent/orchestrator.json"],
            "--config file '/nonexistent/orchestrator.json'" },
        { ["invoke", "--payload", AlarmOk, "--scenario", "failback"], "'--scenario'" },
    };

    [Theory]
    [MemberData(nameof(HelpCases))]
    public async Task RunAsync_Help_PrintsTheCommandsUsageOnStdoutExitZero(string[] args, string expected)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(0, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Empty(error);
    }

    [Theory]
    [MemberData(nameof(UsageErrorCases))]
    public async Task RunAsync_UsageError_ExitTwoNamingTheProblemOnStderr(string[] args, string expected)
    {
        var (code, output, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Contains("Usage:", error, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    /// <summary>
    /// Each build name reaches the build it names: a <c>--task-root</c> without that build's entry point is refused
    /// naming what it lacks (and nothing is published into it).
    /// </summary>
    [Theory]
    [InlineData("drill", "managed", "holds no FailoverOrchestrator.dll: publish the Managed build")]
    [InlineData("drill", "bootstrap", "holds no bootstrap: publish the ProvidedAl2023 build")]
    [InlineData("drill", "aot", "holds no bootstrap: publish the ProvidedAl2023NativeAot build")]
    [InlineData("invoke", "aot", "holds no bootstrap: publish the ProvidedAl2023NativeAot build")]
    public async Task RunAsync_TaskRootWithoutTheBuild_ExitTwoAndNothingPublished(string command, string runtime, string expected)
    {
        var empty = Directory.CreateTempSubdirectory("fo-task-root-").FullName;
        try
        {
            string[] args = command == "invoke"
                ? ["invoke", "--payload", AlarmOk, "--via-runtime", "--runtime", runtime, "--task-root", empty]
                : ["drill", "--runtime", runtime, "--task-root", empty];

            var (code, _, error) = await RunAsync(args);

            Assert.Equal(2, code);
            Assert.Contains($"--task-root '{empty}' {expected}", error, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(empty));
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Fact]
    public async Task RunAsync_InvokeOnAnAlarmOk_ExitZeroWithTheResultOnStdout()
    {
        var (code, output, _) = await RunAsync(["invoke", "--payload", AlarmOk]);

        Assert.Equal(0, code);
        using var result = JsonDocument.Parse(output);
        Assert.Equal("Ignored", result.RootElement.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task RunAsync_InvokeWithAnInvalidConfiguration_ExitOneNamingTheSetting()
    {
        var config = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(config, """{"Orchestrator":{"Region":"nowhere"}}""");

            var (code, output, error) = await RunAsync(["invoke", "--payload", AlarmOk, "--config", config]);

            Assert.Equal(1, code);
            Assert.Contains("the handler threw OrchestratorConfigurationException", error, StringComparison.Ordinal);
            Assert.Contains("Orchestrator:Region: 'nowhere'", error, StringComparison.Ordinal);
            Assert.Empty(output);
        }
        finally
        {
            File.Delete(config);
        }
    }

    /// <summary>The program as the shell starts it: the exit code is the process's, help goes to stdout, errors to stderr.</summary>
    [Theory]
    [InlineData(0, "drill --help", "--scenario")]
    [InlineData(2, "drill --scenario nope", "--scenario: unknown scenario 'nope'")]
    [InlineData(2, "invoke", "'--payload'")]
    public async Task Program_AsAProcess_ExitCodeAsDocumented(int expectedCode, string arguments, string expected)
    {
        var start = new ProcessStartInfo("dotnet",
            ["exec", Path.Combine(AppContext.BaseDirectory, "FailoverOrchestrator.Cli.dll"), .. arguments.Split(' ')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(expectedCode, process.ExitCode);
        Assert.Contains(expected, expectedCode == 0 ? await output : await error, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Error)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliCommands.RunAsync(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
