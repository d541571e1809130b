using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>ALARM, OK, ALARM within the cooldown: one failover, no automatic failback, the second alarm suppressed.</summary>
internal sealed class FlappingScenario : DrillScenario
{
    public override string Name => "flapping";

    public override string Description =>
        "the primary's alarm goes ALARM, OK, ALARM within the cooldown: one failover, no automatic failback, the second alarm suppressed";

    public override Outcome Expected => Outcome.Suppressed;

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        ScenarioKit.TakePrimaryDown(s, timeline);
        var first = await s.InvokeAsync("alarm ALARM", ScenarioKit.Alarm(s));
        ScenarioKit.AddSteps(s, timeline, first, withTtl: false);

        s.Clock.Jump(TimeSpan.FromMinutes(3));
        s.World.Cloud.Route53.SetHealthCheckStatus(s.App.Regions[s.App.PrimaryRegion].HealthCheckId, healthy: true);
        var ok = await s.InvokeAsync("alarm OK", ScenarioKit.Alarm(s, "OK", "ALARM"));
        timeline.Add(
            new TimelineEntry(
            ok.At, $"primary healthy again; alarm ALARM -> OK: {ok.Result?.Outcome}", ok.Duration, ScenarioKit.Measured,
            ok.Result?.Reason));

        cancellationToken.ThrowIfCancellationRequested();
        s.Clock.Jump(TimeSpan.FromMinutes(2));
        s.World.Cloud.Route53.SetHealthCheckStatus(s.App.Regions[s.App.PrimaryRegion].HealthCheckId, healthy: false);
        var again = await s.InvokeAsync("alarm ALARM again", ScenarioKit.Alarm(s));
        timeline.Add(
            new TimelineEntry(
            again.At, $"primary fails again; alarm OK -> ALARM: {again.Result?.Outcome}", again.Duration, ScenarioKit.Measured,
            again.Result?.Reason));

        var checks = new List<DrillCheck>
        {
            new("first alarm failed over", first.Result?.Outcome == Outcome.FailedOver, first.Summary),
            new("OK transition ignored (failback is never automatic)", ok.Result?.Outcome == Outcome.Ignored, ok.Summary),
            EndStateChecks.RecordPointsAt(s, s.App.StandbyRegion),
            EndStateChecks.CalledOnce(s, LocalService.Route53, "ChangeResourceRecordSets"),
            EndStateChecks.Notifications(s, 2, "[failover] Suppressed"),
        };
        return Result(s, again.Result?.Outcome, timeline, checks);
    }
}
