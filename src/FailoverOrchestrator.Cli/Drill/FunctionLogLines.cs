using System.Text.Json;
using FailoverOrchestrator.LocalCloud.Lambda;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>What the drill reads in the function's output: its JSON log lines and its error documents.</summary>
internal static class FunctionLogLines
{
    /// <summary>The event id of "step started" (FailoverOrchestrator.Telemetry.Log).</summary>
    private const int StepStarted = 6;

    /// <summary>The event id of "the Runtime API failed; the process exits".</summary>
    private const int RuntimeApiFailed = 17;

    // The handler's step and lease log events (FailoverOrchestrator.Telemetry.Log) worth showing while the drill runs.
    private static readonly HashSet<int> Shown = [StepStarted, 7, 8, 9, 10];

    public static bool IsStepStart(string line, string step) =>
        Parse(line, root => root.TryGetProperty("eventId", out var id) && id.GetInt32() == StepStarted
            && root.TryGetProperty("step", out var name) && name.GetString() == step);

    /// <summary>The message of a step or lease event worth showing as progress; null for any other line.</summary>
    public static string? Progress(string line) =>
        Parse(line, root => root.TryGetProperty("eventId", out var id) && Shown.Contains(id.GetInt32())
            ? root.GetProperty("message").GetString()
            : null);

    /// <summary>The <c>errorMessage</c> of the function's error document, else the answer as text.</summary>
    public static string ErrorMessage(InvocationResult answer) =>
        Parse(answer.Body, root => root.TryGetProperty("errorMessage", out var message) ? message.GetString() : null) ?? answer.Text;

    /// <summary>
    /// Why an environment's process ended, as far as it said: its "Runtime API failed" log line (event 17), else the
    /// last lines of its stderr.
    /// </summary>
    public static string LastWords(FunctionProcess environment)
    {
        var failed = environment.StandardOutput.LastOrDefault(line =>
            Parse(line, root => root.TryGetProperty("eventId", out var id) && id.GetInt32() == RuntimeApiFailed));
        return failed is not null && Parse(failed, root => root.GetProperty("message").GetString()) is { } message
            ? message
            : string.Join(" | ", environment.StandardError.TakeLast(5));
    }

    private static T? Parse<T>(ReadOnlyMemory<byte> json, Func<JsonElement, T?> read)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return read(document.RootElement);
        }
        catch (JsonException)
        {
            // Not a document of ours (the runtime's own output).
            return default;
        }
    }

    private static T? Parse<T>(string line, Func<JsonElement, T?> read) => Parse(System.Text.Encoding.UTF8.GetBytes(line), read);
}
