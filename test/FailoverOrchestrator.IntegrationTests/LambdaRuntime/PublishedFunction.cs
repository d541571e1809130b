using System.Diagnostics;
using FailoverOrchestrator.LocalCloud.Lambda;

namespace FailoverOrchestrator.IntegrationTests.LambdaRuntime;

/// <summary>
/// The function published the way Amazon.Lambda.Tools publishes it, once per test run (both builds, one after the
/// other: they share the function's Release build): framework-dependent for the managed runtime
/// (<c>--runtime linux-x64 --self-contained false /p:GenerateRuntimeConfigurationFiles=true</c>), and the
/// self-contained <c>bootstrap</c> project for provided.al2023.
/// </summary>
internal static class PublishedFunction
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly Dictionary<LambdaRuntimeKind, string> Published = [];

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>The task root of the build for <paramref name="runtime"/>, published on first use.</summary>
    public static async Task<string> TaskRootAsync(LambdaRuntimeKind runtime)
    {
        await Gate.WaitAsync();
        try
        {
            if (!Published.TryGetValue(runtime, out var root))
            {
                root = Path.Combine(RepositoryRoot, "artifacts", "test-lambda", runtime.ToString());
                if (Directory.Exists(root))
                {
                    Directory.Delete(root, recursive: true);
                }

                string[] arguments = runtime == LambdaRuntimeKind.Managed
                    ? ["publish", Path.Combine(RepositoryRoot, "src", "FailoverOrchestrator"), "-c", "Release", "-f", "net8.0", "--runtime", "linux-x64", "--self-contained", "false", "/p:GenerateRuntimeConfigurationFiles=true", "-o", root, "-nologo", "-v", "q"]
                    : ["publish", Path.Combine(RepositoryRoot, "src", "FailoverOrchestrator.Bootstrap"), "-c", "Release", "-f", "net8.0", "--runtime", "linux-x64", "/p:GenerateRuntimeConfigurationFiles=true", "-o", root, "-nologo", "-v", "q"];
                await RunAsync("dotnet", arguments);
                Published[runtime] = root;
            }

            return root;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task RunAsync(string file, string[] arguments)
    {
        var start = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };

        // The test host's MSBuild variables would point the child build at this run's build nodes.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FailoverOrchestrator.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("FailoverOrchestrator.sln is not above " + AppContext.BaseDirectory);
    }
}
