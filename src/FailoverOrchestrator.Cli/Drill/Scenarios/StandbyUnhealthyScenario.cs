using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>The standby is unhealthy too: preflight blocks the failover, nothing changes, the on-call hears why.</summary>
internal sealed class StandbyUnhealthyScenario : DrillScenario
{
    public override string Name => "standby-unhealthy";

    public override string Description =>
        "the standby's health check fails too: preflight blocks, nothing is changed, the on-call is told why";

    public override Outcome Expected => Outcome.Blocked;

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        var app = s.App;
        s.World.Cloud.Route53.SetHealthCheckStatus(app.Regions[app.StandbyRegion].HealthCheckId, healthy: false,
            "Failure: HTTP Status Code 503, Service Unavailable.");
        s.Progress.Say($"standby region {app.StandbyRegion}'s health check is failing too");
        ScenarioKit.TakePrimaryDown(s, timeline);

        var delivery = await ScenarioKit.DeliverAlarmAsync(s, timeline, withTtl: false);

        var checks = new List<DrillCheck> { EndStateChecks.RecordPointsAt(s, app.PrimaryRegion) };
        checks.AddRange(await FailoverChecks.NothingMovedAsync(s));
        checks.Add(EndStateChecks.NotCalled(s, LocalService.Ecs, "UpdateService"));
        checks.Add(EndStateChecks.NotCalled(s, LocalService.Route53, "ChangeResourceRecordSets"));
        checks.Add(EndStateChecks.Notifications(s, 1, "[failover] Blocked"));
        return Result(s, delivery.Result?.Outcome, timeline, checks);
    }
}
