using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>The primary region goes down; CloudWatch's alarm action is delivered twice at once; one failover runs.</summary>
internal sealed class RegionOutageScenario : DrillScenario
{
    public override string Name => "region-outage";

    public override string Description =>
        "the primary region goes down; the alarm reaches the handler twice at once; exactly one failover to the standby";

    public override Outcome Expected => Outcome.FailedOver;

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        ScenarioKit.TakePrimaryDown(s, timeline);
        cancellationToken.ThrowIfCancellationRequested();

        var deliveries = await s.InvokeConcurrentlyAsync("alarm delivery", ScenarioKit.Alarm(s), 2);
        var owner = deliveries.FirstOrDefault(d => d.Result?.Outcome == Outcome.FailedOver) ?? deliveries[0];
        ScenarioKit.AddSteps(s, timeline, owner);
        foreach (var other in deliveries.Where(d => d != owner))
        {
            timeline.Add(
                new TimelineEntry(
                other.At + other.Duration, $"{other.Label}: {other.Result?.Outcome.ToString() ?? "threw"}", other.Duration,
                ScenarioKit.Measured, other.Result?.Reason ?? other.Error));
        }

        var checks = await FailoverChecks.FailedOverAsync(s, owner.Result?.ExecutionId);
        checks.Add(
            new DrillCheck(
            "the duplicate delivery did not run a second failover", deliveries.Count(d => d.Result?.Outcome == Outcome.FailedOver) == 1,
            string.Join("; ", deliveries.Select(d => $"{d.Label}: {d.Result?.Outcome.ToString() ?? d.Error}"))));
        return Result(s, owner.Result?.Outcome, timeline, checks, ScenarioKit.Rto(s, owner));
    }
}
