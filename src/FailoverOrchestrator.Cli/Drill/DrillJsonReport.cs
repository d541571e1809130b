using System.Text.Json;
using System.Text.Json.Nodes;

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
        ["timeline"] = new JsonArray(r.Timeline.Select(e => (JsonNode)new JsonObject
        {
            ["atMs"] = Ms(e.At),
            ["event"] = e.What.Trim(),
            ["durationMs"] = e.Duration is { } d ? Ms(d) : null,
            ["source"] = e.Source,
            ["detail"] = e.Detail,
        }).ToArray()),
        ["rto"] = r.Rto is not { } rto ? null : new JsonObject
        {
            ["totalMs"] = Ms(rto.Total),
            ["detectionMs"] = Ms(rto.Detection),
            ["alarmEvaluationMs"] = Ms(rto.AlarmEvaluation),
            ["orchestrationMs"] = Ms(rto.Orchestration),
            ["simulatedWaits"] = new JsonArray(
                rto.SimulatedWaits.Select(w => (JsonNode)new JsonObject { ["ms"] = Ms(w.Duration), ["what"] = w.What }).ToArray()),
            ["awsWaitMs"] = Ms(rto.AwsWait),
            ["dnsPropagationMs"] = Ms(rto.DnsPropagation),
            ["overheadMs"] = Ms(rto.Overhead),
            ["ttlMs"] = Ms(rto.Ttl),
            ["simulated"] = new JsonArray("detection", "alarmEvaluation", "simulatedWaits", "ttl"),
        },
        ["rpo"] = r.Rpo is not { } rpo ? null : new JsonObject
        {
            ["boundSeconds"] = rpo.BoundSeconds,
            ["measuredAt"] = rpo.MeasuredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["source"] = rpo.Source,
            ["replicatedUntil"] = rpo.ReplicatedUntil?.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["acceptedLossSeconds"] = rpo.AcceptedLossSeconds,
            ["sentence"] = FailoverOrchestrator.Replication.RpoSentence.Of(rpo),
        },
        ["invocations"] = new JsonArray(r.Invocations.Select(i => (JsonNode)new JsonObject
        {
            ["label"] = i.Label,
            ["durationMs"] = Ms(i.Duration),
            ["outcome"] = i.Result?.Outcome.ToString(),
            ["reason"] = i.Result?.Reason,
            ["error"] = i.Error,
            ["metrics"] = i.Metrics is { } m ? JsonNode.Parse(m.Line) : null,
        }).ToArray()),
        ["awsCalls"] = new JsonArray(r.AwsCalls.Select(c => (JsonNode)JsonValue.Create(c)!).ToArray()),
        ["checks"] = new JsonArray(
            r.Checks.Select(c => (JsonNode)new JsonObject { ["name"] = c.Name, ["passed"] = c.Passed, ["detail"] = c.Detail }).ToArray()),
    };

    public static string Write(IEnumerable<ScenarioResult> results, double peakWorkingSetMb, double elapsedSeconds) =>
        new JsonObject
        {
            ["passed"] = results.All(r => r.Passed),
            ["elapsedSeconds"] = Math.Round(elapsedSeconds, 2),
            ["peakWorkingSetMb"] = Math.Round(peakWorkingSetMb, 1),
            ["scenarios"] = new JsonArray(results.Select(r => (JsonNode)Render(r)).ToArray()),
        }.ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    private static double Ms(TimeSpan t) => Math.Round(t.TotalMilliseconds, 1);
}
