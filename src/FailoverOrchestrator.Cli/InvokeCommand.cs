using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using FailoverOrchestrator.Hosting;
using FailoverOrchestrator.LocalCloud.Lambda;
using Microsoft.Extensions.Configuration;

namespace FailoverOrchestrator.Cli;

/// <summary>
/// The local twin of <c>dotnet lambda invoke-function</c>: the real handler, in-process, on one payload. The result
/// goes to stdout, logs to stderr. Exit 0 when the handler returned a result, 1 when it threw, 2 on a usage error.
/// </summary>
internal static class InvokeCommand
{
    public static Command Create()
    {
        var payload = CliOptions.Payload();
        var config = CliOptions.Config();
        var viaRuntime = CliOptions.ViaRuntime();
        var runtime = CliOptions.Runtime();
        var taskRoot = CliOptions.TaskRoot();
        var command = new Command(
            "invoke",
            "Run the real handler in-process on one payload and print its JSON result on stdout (logs on stderr). Exit 0 when"
            + " the handler returned a result, 1 when it threw, 2 on a usage error.")
        {
            payload, config, viaRuntime, runtime, taskRoot,
        };
        CliCommands.SetAction(
            command,
            parsed => new CliArguments
            {
                Payload = parsed.GetRequiredValue(payload),
                Config = parsed.GetValue(config),
                ViaRuntime = parsed.GetValue(viaRuntime),
                Runtime = parsed.GetValue(runtime),
                TaskRoot = parsed.GetValue(taskRoot),
            },
            RunAsync);
        return command;
    }

    public static async Task<int> RunAsync(CliArguments options, TextWriter output, TextWriter error)
    {
        var payload = options.Payload!;
        if (options.ViaRuntime)
        {
            return await FunctionBuild.ResolveAsync(options, error, error, CancellationToken.None) is { } build
                ? await InvokeViaRuntimeAsync(payload, options.Config ?? DefaultConfig(), build, output, error)
                : CliCommands.UsageError;
        }

        using var function = new Function(new FunctionSetup { ConfigFile = options.Config ?? DefaultConfig(), LogToStandardError = true });
        try
        {
            await using var input = File.OpenRead(payload);
            await using var result = await function.HandleAsync(input);
            using var document = await JsonDocument.ParseAsync(result);
            await WriteAsync(document, output);
            return 0;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"error: the handler threw {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>The sample configuration shipped with the CLI, unless ORCHESTRATOR_CONFIG names another.</summary>
    public static string DefaultConfig() =>
        Environment.GetEnvironmentVariable("ORCHESTRATOR_CONFIG") ?? Path.Combine(AppContext.BaseDirectory, "samples", "orchestrator.json");

    /// <summary>Lambda's AWS_REGION when the shell sets none: the region the configuration puts the orchestrator in.</summary>
    private static string ConfiguredRegion(string config) =>
        new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(config), optional: true).Build()["Orchestrator:Region"] ?? "us-west-2";

    /// <summary>
    /// The function as a separate process started the way its runtime starts it (by default the managed runtime, from
    /// this program's folder, which holds FailoverOrchestrator.dll with its deps and runtimeconfig), behind a local Runtime API.
    /// </summary>
    private static async Task<int> InvokeViaRuntimeAsync(
        string payload, string config, FunctionBuild build, TextWriter output, TextWriter error)
    {
        var variables = Environment.GetEnvironmentVariables().Keys.Cast<string>()
            .Where(name => name.StartsWith("AWS_", StringComparison.Ordinal) && name != "AWS_LAMBDA_RUNTIME_API")
            .ToDictionary(name => name, name => Environment.GetEnvironmentVariable(name)!, StringComparer.Ordinal);
        variables[Runtime.LambdaRuntimeHost.ConfigFileVariable] = Path.GetFullPath(config);
        await using var function = FunctionProcess.Start(
            new FunctionProcessOptions
            {
                TaskRoot = build.TaskRoot,
                Runtime = build.Runtime,
                Region = variables.GetValueOrDefault("AWS_REGION") ?? ConfiguredRegion(config),
                Environment = variables,
            },
            line => error.WriteLine(line));
        var result = await function.InvokeAsync(await File.ReadAllBytesAsync(payload), TimeSpan.FromMinutes(15));
        if (result.Kind != InvocationResultKind.Response)
        {
            await error.WriteLineAsync($"error: {result.Kind} ({result.ErrorType}): {result.Text}");
            return 1;
        }

        using var document = JsonDocument.Parse(result.Body);
        await WriteAsync(document, output);
        return 0;
    }

    /// <summary>The result indented, with the relaxed escaping that leaves <c>&lt;</c> and quotes readable, and a final newline.</summary>
    private static async Task WriteAsync(JsonDocument document, TextWriter output)
    {
        using var buffer = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        await using (var writer = new Utf8JsonWriter(buffer, options))
        {
            document.WriteTo(writer);
        }

        await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        await output.FlushAsync();
    }
}
