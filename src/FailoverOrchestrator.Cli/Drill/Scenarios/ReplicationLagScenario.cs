using System.Globalization;
using FailoverOrchestrator.State;
using FailoverOrchestrator.LocalCloud.World;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>
/// Replication to the standby has stalled when the primary region goes dark: the alarm's failover is Blocked with the
/// figures (the lag bound is over MaxReplicationLagSeconds); the operator then fails over accepting that loss, which
/// the result and the audit trail record. When the primary's replica is reachable again it shows the new writer.
/// </summary>
internal sealed class ReplicationLagScenario : DrillScenario
{
    public override string Name => "replication-lag";

    public override string Description =>
        "replication to the standby stalled 3 minutes before the primary goes dark: the alarm's failover is Blocked with the figures; the "
        + "operator fails over accepting the loss";

    public override Outcome Expected => Outcome.FailedOver;

    public override IReadOnlyList<KeyValuePair<string, string?>> Overrides =>
    [
        new("Orchestrator:Apps:shop:Replication:HeartbeatIntervalSeconds", "30"),
        new("Orchestrator:Apps:shop:Replication:MaxReplicationLagSeconds", "60"),
        new("Orchestrator:Apps:shop:Replication:SourceReadTimeoutSeconds", "1"),
    ];

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        var app = s.App;
        await StallReplicationAsync(s, cancellationToken);
        ScenarioKit.TakePrimaryDown(s, timeline);
        s.World.Router!.Isolate(app.PrimaryRegion);
        timeline.Insert(1,
            new TimelineEntry(
            TimeSpan.Zero,
            $"  {app.PrimaryRegion}'s DynamoDB is unreachable too; its heartbeats since T-3:10 never reached {app.StandbyRegion}", null,
            ScenarioKit.Drill));

        var alarm = await ScenarioKit.DeliverAlarmAsync(s, timeline, withTtl: false);
        var accept = (int)Math.Ceiling(alarm.Result?.Rpo?.BoundSeconds ?? 0) + 30;
        var failover = await s.InvokeAsync("operator failover",
            AlarmPayloads.Command("failover", app, "region dark; accepting the writes at risk", accept));
        ScenarioKit.AddSteps(s, timeline, failover);

        // The partition heals: the primary's replica receives the backlog, the writer item among it.
        var replicator = s.World.Replicator!;
        replicator.Resume();
        s.World.Router.Isolate(app.PrimaryRegion, isolated: false);
        await replicator.DrainAsync(TimeSpan.FromSeconds(10), cancellationToken);
        ScenarioKit.AddNow(s, timeline, $"{app.PrimaryRegion} reachable again; replication catches up");

        return Result(s, failover.Result?.Outcome, timeline, await ChecksAsync(s, alarm, failover, accept));
    }

    /// <summary>The schedule's runs every 30 s before the outage; replication stalls after the one 190 s before it.</summary>
    private static async Task StallReplicationAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var app = s.App;
        var replicator = s.World.Replicator!;
        await DrillHeartbeats.WriteAgoAsync(s.World, app, TimeSpan.FromSeconds(190), cancellationToken);
        replicator.Pause();
        foreach (var ago in new[] { 160, 130, 100, 70, 40, 10 })
        {
            await DrillHeartbeats.WriteAgoAsync(s.World, app, TimeSpan.FromSeconds(ago), cancellationToken);
        }

        s.Progress.Say(
            $"replication {app.PrimaryRegion} -> {app.StandbyRegion} stalled 3:10 before the outage; {replicator.Pending} writes wait");
    }

    /// <summary>The gate's Blocked with its figures, the accepted loss in the result and the audit, and the healed replica.</summary>
    private static async Task<List<DrillCheck>> ChecksAsync(DrillSession s, DrillInvocation alarm, DrillInvocation failover, int accept)
    {
        var app = s.App;
        var bound = alarm.Result?.Rpo?.BoundSeconds ?? 0;
        var summary = (await EndStateChecks.AuditAsync(s))
            .FirstOrDefault(e => e.ExecutionId == failover.Result?.ExecutionId && e.Kind == "Summary");
        return
        [
            new("the alarm's failover was Blocked by the RPO gate with the figures",
                alarm.Result?.Outcome == Outcome.Blocked
                    && alarm.Result.Reason?.Contains("over MaxReplicationLagSeconds (60 s)", StringComparison.Ordinal) == true
                    && bound >= 190,
                alarm.Summary),
            new("the operator's failover recorded the accepted loss", failover.Result?.Rpo?.AcceptedLossSeconds == accept,
                string.Create(CultureInfo.InvariantCulture,
                    $"acceptDataLossSeconds {accept}; result rpo accepted {failover.Result?.Rpo?.AcceptedLossSeconds}")),
            new("the audit summary carries the RPO and the accepted loss",
                summary?.Detail?.Contains(
                string.Create(CultureInfo.InvariantCulture, $"acceptedLossSeconds={accept}"), StringComparison.Ordinal) == true,
                summary?.Detail ?? "no summary"),
            EndStateChecks.RecordPointsAt(s, app.StandbyRegion),
            await EndStateChecks.StateIsAsync(s, Phase.Steady, app.StandbyRegion),
            await EndStateChecks.ReplicaShowsWriterAsync(s, app.PrimaryRegion, app.StandbyRegion),
            EndStateChecks.Notifications(s, 2, "[failover] Blocked"),
        ];
    }
}
