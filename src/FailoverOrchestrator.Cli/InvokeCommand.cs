using System.Text.Encodings.Web;
using System.Text.Json;
using FailoverOrchestrator.Hosting;

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

    /// <summary>The sample configuration shipped with the CLI, unless ORCHESTRATOR_CONFIG names another.</summary>
    public static string DefaultConfig() =>
        Environment.GetEnvironmentVariable("ORCHESTRATOR_CONFIG") ?? Path.Combine(AppContext.BaseDirectory, "samples", "orchestrator.json");
}
