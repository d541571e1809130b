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
        var failover = await ScenarioKit.FailOverThenRecoverAsync(s, timeline, cancellationToken);
        var replicator = s.World.Replicator!;
        replicator.Pause();
        ScenarioKit.AddNow(s, timeline,
            $"primary {app.PrimaryRegion} recovers, but replication {app.StandbyRegion} -> {app.PrimaryRegion} lags (held back by the "
            + $"drill)");
        var checks = new List<DrillCheck> { FailoverChecks.FailedOverFirst(failover) };
        checks.AddRange(await WhileTheReplicaLagsAsync(s, timeline));

        replicator.Resume();
        ScenarioKit.AddNow(s, timeline, $"replication towards {app.PrimaryRegion} resumes");
        var failback = await FailbackCommands.FailBackAsync(s, "operator failback again", "primary caught up");
        ScenarioKit.AddSteps(s, timeline, failback, withTtl: false);
        await replicator.DrainAsync(TimeSpan.FromSeconds(10), cancellationToken);

        checks.AddRange(await CaughtUpChecksAsync(s, failback));
        return Result(s, failback.Result?.Outcome, timeline, checks);
    }

    /// <summary>
    /// With replication towards the primary held back: the heartbeat schedule writes in the active region, plan says the
    /// failback will wait for the primary's replica, and a failback now is Blocked. The checks of what each answered.
    /// </summary>
    private static async Task<List<DrillCheck>> WhileTheReplicaLagsAsync(DrillSession s, List<TimelineEntry> timeline)
    {
        var app = s.App;
        var heartbeat = await s.InvokeAsync("heartbeat schedule", AlarmPayloads.Command("heartbeat", app, "schedule"));
        ScenarioKit.AddAnswer(timeline, heartbeat);
        var plan = await FailbackCommands.PlanAsync(s);
        var planned = plan.Result?.Steps.FirstOrDefault(x => x.Name == StepNames.Preflight)?.Detail ?? string.Empty;
        ScenarioKit.AddAnswer(timeline, plan, planned);
        var early = await FailbackCommands.FailBackAsync(s);
        ScenarioKit.AddSteps(s, timeline, early, withTtl: false);
        return
        [
            new("the heartbeat schedule wrote in the active region", heartbeat.Result?.Outcome == Outcome.HeartbeatWritten
                && heartbeat.Result.Reason?.Contains(app.StandbyRegion, StringComparison.Ordinal) == true, heartbeat.Summary),
            new("plan says the failback waits for the primary's replica", plan.Result?.Outcome == Outcome.Planned
                && planned.Contains("will wait up to 1 s", StringComparison.Ordinal), planned),
            new("the failback was Blocked while the primary's replica had not caught up", early.Result?.Outcome == Outcome.Blocked
                && early.Result.Reason?.Contains("has not caught up", StringComparison.Ordinal) == true, early.Summary),
        ];
    }

    /// <summary>The failback once caught up: RPO from the heartbeat, and the primary back as record target, writer and state.</summary>
    private static async Task<List<DrillCheck>> CaughtUpChecksAsync(DrillSession s, DrillInvocation failback)
    {
        var app = s.App;
        return
        [
            new("the caught-up failback measured the RPO from the heartbeat", failback.Result?.Rpo?.Source == RpoEstimate.Heartbeat,
                failback.Result?.Rpo?.Detail ?? "no rpo"),
            EndStateChecks.RecordPointsAt(s, app.PrimaryRegion),
            await EndStateChecks.WriterIsAsync(s, app.PrimaryRegion),
            await EndStateChecks.ReplicaShowsWriterAsync(s, app.PrimaryRegion, app.PrimaryRegion),
            await EndStateChecks.StateIsAsync(s, Phase.Steady, app.PrimaryRegion),
            EndStateChecks.Notifications(s, 3, "[failover] FAILED BACK"),
        ];
    }
}
