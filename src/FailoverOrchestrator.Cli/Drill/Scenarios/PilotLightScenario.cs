using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>
/// The standby is a pilot light: its services exist with no task running, so its health check is unhealthy. The
/// failover checks what must hold without tasks, scales up, waits for the tasks to start and the health check to turn
/// healthy, and only then moves the record; the RTO includes both waits.
/// </summary>
internal sealed class PilotLightScenario : DrillScenario
{
    public override string Name => "pilot-light";

    public override string Description =>
        "the standby runs no task (pilot light) and is unhealthy until scaled up; the failover starts its tasks, waits for its health "
        + "check, then moves DNS";

    public override Outcome Expected => Outcome.FailedOver;

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        var app = s.App;
        foreach (var service in app.Regions[app.StandbyRegion].Services)
        {
            s.World.Cloud.Ecs.SetCounts(app.StandbyRegion, service.Cluster, service.Service, 0, 0);
        }

        var standbyHealthy = s.World.Cloud.Route53.GetHealthCheck(app.Regions[app.StandbyRegion].HealthCheckId).Healthy;
        s.Progress.Say($"standby region {app.StandbyRegion} at 0 tasks: its health check is {(standbyHealthy ? "healthy" : "unhealthy")}");
        ScenarioKit.TakePrimaryDown(s, timeline);
        cancellationToken.ThrowIfCancellationRequested();

        var delivery = await ScenarioKit.DeliverAlarmAsync(s, timeline);
        var checks = await FailoverChecks.FailedOverAsync(s, delivery.Result?.ExecutionId);
        checks.Insert(0,
            new DrillCheck(
            "the standby was unhealthy at 0 tasks before the failover", !standbyHealthy, standbyHealthy
            ? "it was healthy" : "it was unhealthy"));
        var steps = delivery.Result?.Steps.ToList() ?? [];
        var healthy = steps.FindIndex(x => x.Name == "TargetHealthy" && x.Status == StepStatus.Succeeded);
        var dns = steps.FindIndex(x => x.Name == "DnsUpsert");
        checks.Add(new DrillCheck("DNS moved only after the standby's health check was healthy", healthy >= 0 && dns > healthy,
            string.Join(", ", steps.Select(x => $"{x.Name} {x.Status}"))));
        checks.Add(new DrillCheck("the RTO includes the task start and the health check's passing requests", s.Skipped.Count >= 2,
            string.Join("; ", s.Skipped.Select(w => $"{w.Duration.TotalSeconds:0} s {w.What}"))));
        return Result(s, delivery.Result?.Outcome, timeline, checks, ScenarioKit.Rto(s, delivery));
    }
}
