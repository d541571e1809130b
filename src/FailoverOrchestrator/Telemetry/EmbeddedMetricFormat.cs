using System.Text;
using System.Text.Json;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Telemetry;

/// <summary>
/// Writes a <see cref="SwitchMetricsSample"/> as one CloudWatch Embedded Metric Format document: one JSON object on one
/// line of stdout, which CloudWatch Logs turns into metrics with no API call and nothing added to the invocation's
/// latency. One dimension set, App and Direction, keeps the number of custom metrics per app small and fixed; the
/// failure and block counts are also published without dimensions for the template's alarms.
/// Counts are written as 0 or 1 on every switch invocation, so an alarm on them sees data rather than a gap.
/// </summary>
internal static class EmbeddedMetricFormat
{
    public const string Namespace = "FailoverOrchestrator";

    private static readonly string[] AcrossApps = ["SwitchesFailed", "SwitchesBlocked", "OrchestrationTime"];

    private static readonly StepStatus[] Ran =
        [StepStatus.Succeeded, StepStatus.Unchanged, StepStatus.Warned, StepStatus.Blocked, StepStatus.Failed];

    public static string Write(SwitchMetricsSample sample)
    {
        var metrics = Metrics(sample);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteStartObject("_aws");
            json.WriteNumber("Timestamp", sample.Timestamp.ToUnixTimeMilliseconds());
            json.WriteStartArray("CloudWatchMetrics");
            WriteDirective(json, ["App", "Direction"], metrics);

            // Published once more with no dimension, so that one alarm in the template covers every app and direction
            // without naming them (an alarm cannot use a SEARCH expression). Only members this document has.
            WriteDirective(json, [], metrics.Where(m => AcrossApps.Contains(m.Name)));
            json.WriteEndArray();
            json.WriteEndObject();
            json.WriteString("App", sample.App);
            json.WriteString("Direction", sample.Direction);
            json.WriteString("Outcome", sample.Outcome);
            if (sample.ExecutionId is { } executionId)
            {
                json.WriteString("ExecutionId", executionId);
            }

            foreach (var (name, _, value) in metrics)
            {
                json.WriteNumber(name, value);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>One MetricDirective: the namespace, one dimension set, and the metrics it extracts from the root node.</summary>
    private static void WriteDirective(Utf8JsonWriter json, string[] dimensions,
        IEnumerable<(string Name, string Unit, long Value)> metrics)
    {
        json.WriteStartObject();
        json.WriteString("Namespace", Namespace);
        json.WriteStartArray("Dimensions");
        json.WriteStartArray();
        foreach (var dimension in dimensions)
        {
            json.WriteStringValue(dimension);
        }

        json.WriteEndArray();
        json.WriteEndArray();
        json.WriteStartArray("Metrics");
        foreach (var (name, unit, _) in metrics)
        {
            json.WriteStartObject();
            json.WriteString("Name", name);
            json.WriteString("Unit", unit);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static List<(string Name, string Unit, long Value)> Metrics(SwitchMetricsSample sample)
    {
        List<(string, string, long)> metrics =
        [
            ("SwitchesStarted", "Count", sample.Started ? 1 : 0),
            ("SwitchesCompleted", "Count", sample.Completed ? 1 : 0),
            ("SwitchesFailed", "Count", sample.Failed ? 1 : 0),
            ("SwitchesBlocked", "Count", sample.Blocked ? 1 : 0),
            ("SwitchesSuppressed", "Count", sample.Suppressed ? 1 : 0),
            ("DuplicateDeliveries", "Count", sample.Duplicate ? 1 : 0),
        ];
        if (sample.LeaseWait > TimeSpan.Zero)
        {
            metrics.Add(("LeaseWaitTime", "Milliseconds", Milliseconds(sample.LeaseWait)));
        }

        if (sample.Started)
        {
            var aws = sample.AwsRequests + sample.AwsPolls;
            var overhead = sample.Orchestration - aws - sample.LeaseWait;
            metrics.Add(("OrchestrationTime", "Milliseconds", Milliseconds(sample.Orchestration)));
            metrics.Add(("AwsWaitTime", "Milliseconds", Milliseconds(aws)));
            metrics.Add(("OverheadTime", "Milliseconds", Milliseconds(overhead < TimeSpan.Zero ? TimeSpan.Zero : overhead)));
        }

        if (sample.ReplicationLagBound is { } lag)
        {
            metrics.Add(("ReplicationLagBound", "Milliseconds", Milliseconds(lag)));
        }

        foreach (var step in sample.Steps.Where(s => s.StartedAt is not null && Ran.Contains(s.Status)).DistinctBy(s => s.Name,
            StringComparer.Ordinal))
        {
            metrics.Add(($"{step.Name}Duration", "Milliseconds", step.DurationMs));
        }

        return metrics;
    }

    private static long Milliseconds(TimeSpan span) => (long)Math.Round(span.TotalMilliseconds, MidpointRounding.AwayFromZero);
}
