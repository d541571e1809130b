using FailoverOrchestrator.State;
using FailoverOrchestrator.LocalCloud.World;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>
/// After a failover the primary recovers, but replication towards it lags: plan says the failback will wait for the
/// primary's replica to catch up, the failback is Blocked while it has not, and succeeds once it has.
/// </summary>
internal sealed class FailbackCatchUpScenario : DrillScenario
{
    public override string Name => "failback-catch-up";

    public override string Description =>
        "after a failover the primary recovers but its replica lags: the failback waits for it to catch up, is Blocked while it has not, "
        + "succeeds once it has";

    public override Outcome Expected => Outcome.FailedBack;

    public override IReadOnlyList<KeyValuePair<string, string?>> Overrides =>
    [
        new("Orchestrator:Apps:shop:Replication:CatchUpWaitSeconds", "1"),
    ];

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        var app = s.App;
        ScenarioKit.TakePrimaryDown(s, timeline);
        var failover = await s.InvokeAsync("alarm delivery", ScenarioKit.Alarm(s));
        ScenarioKit.AddSteps(s, timeline, failover, withTtl: false);

        s.Clock.Jump(TimeSpan.FromMinutes(30));
        var primary = app.Regions[app.PrimaryRegion];
        s.World.Cloud.Route53.SetHealthCheckStatus(primary.HealthCheckId, healthy: true);
        foreach (var service in primary.Services)
        {
            s.World.Cloud.Ecs.SetCounts(app.PrimaryRegion, service.Cluster, service.Service, service.StandbyDesiredCount,
                service.StandbyDesiredCount);
        }

        var replicator = s.World.Replicator!;
        replicator.Pause();
        timeline.Add(
            new TimelineEntry(
            s.Clock.GetUtcNow() - s.OutageAt,
            $"primary {app.PrimaryRegion} recovers, but replication {app.StandbyRegion} -> {app.PrimaryRegion} lags (held back by the "
            + $"drill)", null, ScenarioKit.Drill));
        var heartbeat = await s.InvokeAsync("heartbeat schedule", AlarmPayloads.Command("heartbeat", app, "schedule"));
        timeline.Add(
            new TimelineEntry(
            heartbeat.At, $"heartbeat schedule: {heartbeat.Result?.Outcome}", heartbeat.Duration, ScenarioKit.Measured,
            heartbeat.Result?.Reason));
        var plan = await s.InvokeAsync("operator plan", AlarmPayloads.Command("plan", app, "rehearse the failback"));
        var planned = plan.Result?.Steps.FirstOrDefault(x => x.Name == StepNames.Preflight)?.Detail ?? string.Empty;
        timeline.Add(new TimelineEntry(plan.At, $"operator plan: {plan.Result?.Outcome}", plan.Duration, ScenarioKit.Measured, planned));
        var early = await s.InvokeAsync("operator failback", AlarmPayloads.Command("failback", app, "primary recovered"));
        ScenarioKit.AddSteps(s, timeline, early, withTtl: false);

        replicator.Resume();
        timeline.Add(
            new TimelineEntry(
            s.Clock.GetUtcNow() - s.OutageAt, $"replication towards {app.PrimaryRegion} resumes", null, ScenarioKit.Drill));
        var failback = await s.InvokeAsync("operator failback again", AlarmPayloads.Command("failback", app, "primary caught up"));
        ScenarioKit.AddSteps(s, timeline, failback, withTtl: false);
        await replicator.DrainAsync(TimeSpan.FromSeconds(10), cancellationToken);

        var checks = new List<DrillCheck>
        {
            new("failover first", failover.Result?.Outcome == Outcome.FailedOver, failover.Summary),
            new("the heartbeat schedule wrote in the active region", heartbeat.Result?.Outcome == Outcome.HeartbeatWritten
                && heartbeat.Result.Reason?.Contains(app.StandbyRegion, StringComparison.Ordinal) == true, heartbeat.Summary),
            new("plan says the failback waits for the primary's replica", plan.Result?.Outcome == Outcome.Planned
                && planned.Contains("will wait up to 1 s", StringComparison.Ordinal), planned),
            new("the failback was Blocked while the primary's replica had not caught up", early.Result?.Outcome == Outcome.Blocked
                && early.Result.Reason?.Contains("has not caught up", StringComparison.Ordinal) == true, early.Summary),
            new("the caught-up failback measured the RPO from the heartbeat", failback.Result?.Rpo?.Source == RpoEstimate.Heartbeat,
                failback.Result?.Rpo?.Detail ?? "no rpo"),
            EndStateChecks.RecordPointsAt(s, app.PrimaryRegion),
            await EndStateChecks.WriterIsAsync(s, app.PrimaryRegion),
            await EndStateChecks.ReplicaShowsWriterAsync(s, app.PrimaryRegion, app.PrimaryRegion),
            await EndStateChecks.StateIsAsync(s, Phase.Steady, app.PrimaryRegion),
            EndStateChecks.Notifications(s, 3, "[failover] FAILED BACK"),
        };
        return Result(s, failback.Result?.Outcome, timeline, checks);
    }
}
