using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using FailoverOrchestrator.Replication;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>The same account as one JSON document, for scripts: durations in milliseconds.</summary>
internal static class DrillJsonReport
{
    public static JsonObject Render(ScenarioResult r) => new()
    {
        ["scenario"] = r.Scenario,
        ["expected"] = r.Expected.ToString(),
        ["actual"] = r.Actual?.ToString(),
        ["passed"] = r.Passed,
        ["function"] = r.Function,
        ["functionPeakMemoryMb"] = r.FunctionPeakMemoryMb,
        ["timeline"] = Nodes(r.Timeline, Timeline),
        ["rto"] = r.Rto is { } rto ? Rto(rto) : null,
        ["rpo"] = r.Rpo is { } rpo ? Rpo(rpo) : null,
        ["invocations"] = Nodes(r.Invocations, Invocation),
        ["awsCalls"] = Nodes(r.AwsCalls, c => JsonValue.Create(c)!),
        ["checks"] = Nodes(r.Checks, c => new JsonObject { ["name"] = c.Name, ["passed"] = c.Passed, ["detail"] = c.Detail }),
    };

    public static string Write(IEnumerable<ScenarioResult> results, double peakWorkingSetMb, double elapsedSeconds) =>
        new JsonObject
        {
            ["passed"] = results.All(r => r.Passed),
            ["elapsedSeconds"] = Math.Round(elapsedSeconds, 2),
            ["peakWorkingSetMb"] = Math.Round(peakWorkingSetMb, 1),
            ["scenarios"] = Nodes(results, Render),
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static JsonObject Timeline(TimelineEntry e) => new()
    {
        ["atMs"] = Ms(e.At),
        ["event"] = e.What.Trim(),
        ["durationMs"] = e.Duration is { } d ? Ms(d) : null,
        ["source"] = e.Source,
        ["detail"] = e.Detail,
    };

    /// <summary>The RTO's parts; <c>simulated</c> names the parts the drill's clock jumped over rather than measured.</summary>
    private static JsonObject Rto(RtoBreakdown rto) => new()
    {
        ["totalMs"] = Ms(rto.Total),
        ["detectionMs"] = Ms(rto.Detection),
        ["alarmEvaluationMs"] = Ms(rto.AlarmEvaluation),
        ["orchestrationMs"] = Ms(rto.Orchestration),
        ["simulatedWaits"] = Nodes(rto.SimulatedWaits, w => new JsonObject { ["ms"] = Ms(w.Duration), ["what"] = w.What }),
        ["awsWaitMs"] = Ms(rto.AwsWait),
        ["dnsPropagationMs"] = Ms(rto.DnsPropagation),
        ["overheadMs"] = Ms(rto.Overhead),
        ["ttlMs"] = Ms(rto.Ttl),
        ["simulated"] = new JsonArray("detection", "alarmEvaluation", "simulatedWaits", "ttl"),
    };

    private static JsonObject Rpo(RpoEstimate rpo) => new()
    {
        ["boundSeconds"] = rpo.BoundSeconds,
        ["measuredAt"] = rpo.MeasuredAt.ToString("O", CultureInfo.InvariantCulture),
        ["source"] = rpo.Source,
        ["replicatedUntil"] = rpo.ReplicatedUntil?.ToString("O", CultureInfo.InvariantCulture),
        ["acceptedLossSeconds"] = rpo.AcceptedLossSeconds,
        ["sentence"] = RpoSentence.Of(rpo),
    };

    private static JsonObject Invocation(DrillInvocation i) => new()
    {
        ["label"] = i.Label,
        ["durationMs"] = Ms(i.Duration),
        ["outcome"] = i.Result?.Outcome.ToString(),
        ["reason"] = i.Result?.Reason,
        ["error"] = i.Error,
        ["metrics"] = i.Metrics is { } m ? JsonNode.Parse(m.Line) : null,
    };

    private static JsonArray Nodes<T>(IEnumerable<T> items, Func<T, JsonNode> node) => new(items.Select(node).ToArray());

    private static double Ms(TimeSpan t) => Math.Round(t.TotalMilliseconds, 1);
}
