using System.Globalization;
using System.Text.Json;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// The Embedded Metric Format line one invocation wrote on its stdout: what CloudWatch would have turned into metrics
/// in AWS. The drill reads its figures back (time waiting on AWS, as the function itself measured it) and prints them.
/// </summary>
internal sealed record EmittedMetrics(string Line, IReadOnlyList<(string Name, string Unit, double Value)> Values)
{
    /// <summary>The invocation's outcome as the line states it (<c>Error</c> when it threw).</summary>
    public string? Outcome { get; init; }

    public string? ExecutionId { get; init; }

    public TimeSpan? AwsWait => Value("AwsWaitTime") is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    /// <summary>Each metric with its value, as the report prints it; counts that are 0 are left out to keep it short.</summary>
    public IReadOnlyList<string> Summary => Values
        .Where(v => v.Unit != "Count" || v.Value != 0)
        .Select(v => v.Unit == "Milliseconds"
            ? string.Create(CultureInfo.InvariantCulture, $"{v.Name}={v.Value:0} ms")
            : string.Create(CultureInfo.InvariantCulture, $"{v.Name}={v.Value:0}"))
        .ToList();

    public double? Value(string name) => Values.FirstOrDefault(v => v.Name == name) is { Name: not null } found ? found.Value : null;

    /// <summary>The metrics of a line if it is an EMF document, else null.</summary>
    public static EmittedMetrics? TryParse(string line)
    {
        if (!line.StartsWith("{\"_aws\":", StringComparison.Ordinal))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            var first = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
            var values = first.GetProperty("Metrics").EnumerateArray()
                .Select(m =>
                    (m.GetProperty("Name").GetString()!, m.TryGetProperty("Unit", out var unit) ? unit.GetString()! : "None",
                    root.GetProperty(m.GetProperty("Name").GetString()!).GetDouble()))
                .ToList();
            return new EmittedMetrics(line, values)
            {
                Outcome = root.TryGetProperty(nameof(Outcome), out var outcome) ? outcome.GetString() : null,
                ExecutionId = root.TryGetProperty(nameof(ExecutionId), out var executionId) ? executionId.GetString() : null,
            };
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }
}
