using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.LocalCloud.World;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>After a failover the primary recovers; an operator rehearses with plan and fails back; everything returns.</summary>
internal sealed class FailbackScenario : DrillScenario
{
    public override string Name => "failback";

    public override string Description =>
        "after a failover the primary recovers; the operator runs plan, then failback with confirm; every resource returns to where it was";

    public override Outcome Expected => Outcome.FailedBack;

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        var app = s.App;
        ScenarioKit.TakePrimaryDown(s, timeline);
        var failover = await s.InvokeAsync("alarm delivery", ScenarioKit.Alarm(s));
        ScenarioKit.AddSteps(s, timeline, failover, withTtl: false);

        cancellationToken.ThrowIfCancellationRequested();
        s.Clock.Jump(TimeSpan.FromMinutes(30));
        var primary = app.Regions[app.PrimaryRegion];
        s.World.Cloud.Route53.SetHealthCheckStatus(primary.HealthCheckId, healthy: true);
        foreach (var service in primary.Services)
        {
            s.World.Cloud.Ecs.SetCounts(app.PrimaryRegion, service.Cluster, service.Service, service.StandbyDesiredCount,
                service.StandbyDesiredCount);
        }

        timeline.Add(
            new TimelineEntry(
            s.Clock.GetUtcNow() - s.OutageAt, $"primary {app.PrimaryRegion} recovers (healthy, at its standby count)", null,
            ScenarioKit.Drill));
        var plan = await s.InvokeAsync("operator plan", AlarmPayloads.Command("plan", app, "rehearse the failback"));
        timeline.Add(
            new TimelineEntry(plan.At, $"operator plan: {plan.Result?.Outcome}", plan.Duration, ScenarioKit.Measured, plan.Result?.Reason));
        var failback = await s.InvokeAsync("operator failback", AlarmPayloads.Command("failback", app, "primary recovered"));
        ScenarioKit.AddSteps(s, timeline, failback, withTtl: false);

        var checks = new List<DrillCheck>
        {
            new("failover first", failover.Result?.Outcome == Outcome.FailedOver, failover.Summary),
            new("plan changed nothing and listed the calls", plan.Result?.Outcome == Outcome.Planned
                && plan.Result.Steps.All(x => x.Calls is { Count: > 0 }), plan.Summary),
            EndStateChecks.RecordPointsAt(s, app.PrimaryRegion),
        };
        checks.AddRange(EndStateChecks.ServicesAt(s, app.PrimaryRegion, active: true));
        checks.AddRange(EndStateChecks.ServicesAt(s, app.StandbyRegion, active: false));
        checks.Add(await EndStateChecks.WriterIsAsync(s, app.PrimaryRegion));
        checks.Add(await EndStateChecks.StateIsAsync(s, Phase.Steady, app.PrimaryRegion));
        checks.Add(EndStateChecks.Notifications(s, 2, "[failover] FAILED BACK"));
        checks.Add(
            await EndStateChecks.AuditCompleteAsync(s, failback.Result?.ExecutionId, [.. StepNames.DefaultOrder, StepNames.EcsScaleDown]));
        return Result(s, failback.Result?.Outcome, timeline, checks);
    }
}
