using System.Text.Encodings.Web;
using System.Text.Json;
using FailoverOrchestrator.Hosting;
using FailoverOrchestrator.LocalCloud.Lambda;
using Microsoft.Extensions.Configuration;

namespace FailoverOrchestrator.Cli;

/// <summary>
/// The local twin of <c>dotnet lambda invoke-function</c>: the real handler, in-process, on one payload. The result
/// goes to stdout, logs to stderr.
/// </summary>
internal static class InvokeCommand
{
    public static async Task<int> RunAsync(CliArguments options)
    {
        if (options.Payload is null)
        {
            await Console.Error.WriteLineAsync("error: invoke needs --payload FILE");
            return 2;
        }

        if (!File.Exists(options.Payload))
        {
            await Console.Error.WriteLineAsync($"error: payload file '{options.Payload}' does not exist");
            return 2;
        }

        if (options.ViaRuntime)
        {
            return await FunctionBuild.ResolveAsync(options, Console.Error, CancellationToken.None) is { } build
                ? await InvokeViaRuntimeAsync(options.Payload, options.Config ?? DefaultConfig(), build)
                : 2;
        }

        using var function = new Function(new FunctionSetup { ConfigFile = options.Config ?? DefaultConfig(), LogToStandardError = true });
        try
        {
            await using var input = File.OpenRead(options.Payload);
            await using var output = await function.HandleAsync(input);
            using var document = await JsonDocument.ParseAsync(output);
            await using var stdout = Console.OpenStandardOutput();
            await using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                document.WriteTo(writer);
            }

            await stdout.WriteAsync("\n"u8.ToArray());
            return 0;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync($"error: the handler threw {ex.GetType().Name}: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Lambda's AWS_REGION when the shell sets none: the region the configuration puts the orchestrator in.</summary>
    private static string ConfiguredRegion(string config) =>
        new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(config), optional: true).Build()["Orchestrator:Region"] ?? "us-west-2";

    /// <summary>
    /// The function as a separate process started the way its runtime starts it (by default the managed runtime, from
    /// this program's folder, which holds FailoverOrchestrator.dll with its deps and runtimeconfig), behind a local Runtime API.
    /// </summary>
    private static async Task<int> InvokeViaRuntimeAsync(string payload, string config, FunctionBuild build)
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
            line => Console.Error.WriteLine(line));
        var result = await function.InvokeAsync(await File.ReadAllBytesAsync(payload), TimeSpan.FromMinutes(15));
        if (result.Kind != InvocationResultKind.Response)
        {
            await Console.Error.WriteLineAsync($"error: {result.Kind} ({result.ErrorType}): {result.Text}");
            return 1;
        }

        using var document = JsonDocument.Parse(result.Body);
        await using var stdout = Console.OpenStandardOutput();
        await using (var writer = new Utf8JsonWriter(stdout, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        await stdout.WriteAsync("\n"u8.ToArray());
        return 0;
    }

    /// <summary>The sample configuration shipped with the CLI, unless ORCHESTRATOR_CONFIG names another.</summary>
    public static string DefaultConfig() =>
        Environment.GetEnvironmentVariable("ORCHESTRATOR_CONFIG") ?? Path.Combine(AppContext.BaseDirectory, "samples", "orchestrator.json");
}
