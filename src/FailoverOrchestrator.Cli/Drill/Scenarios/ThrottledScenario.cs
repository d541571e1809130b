using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.Faults;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>AWS throttles and fails calls during the failover; the clients' backoff carries it through.</summary>
internal sealed class ThrottledScenario : DrillScenario
{
    private static readonly (LocalService Service, string Operation, FaultKind Kind, int Calls)[] Faults =
    [
        (LocalService.Route53, "GetHealthCheckStatus", FaultKind.ServiceUnavailable, 1),
        (LocalService.Ecs, "UpdateService", FaultKind.Throttling, 2),
        (LocalService.Ecs, "DescribeServices", FaultKind.Throttling, 2),
        (LocalService.Route53, "ChangeResourceRecordSets", FaultKind.Throttling, 3),
        (LocalService.Route53, "GetChange", FaultKind.InternalFailure, 1),
        (LocalService.Sns, "Publish", FaultKind.Throttling, 2),
    ];

    public override string Name => "throttled";

    public override string Description =>
        "Route 53, ECS and SNS throttle or fail 11 calls during the failover; the clients' jittered backoff carries it through";

    public override Outcome Expected => Outcome.FailedOver;

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        ScenarioKit.TakePrimaryDown(s, timeline);
        foreach (var (service, operation, kind, calls) in Faults)
        {
            s.World.Cloud.Faults.Arm(new FaultRule(service, operation, kind) { NextCalls = calls });
        }

        s.Progress.Say(
            $"armed {Faults.Sum(f => f.Calls)} faults: {string.Join(", ", Faults.Select(f => $"{f.Operation} {f.Kind} x{f.Calls}"))}");
        var delivery = await ScenarioKit.DeliverAlarmAsync(s, timeline);

        var checks = await FailoverChecks.FailedOverAsync(s, delivery.Result?.ExecutionId);
        var log = s.World.Cloud.Calls.Snapshot();
        foreach (var (service, operation, kind, calls) in Faults)
        {
            var injected = log.Count(c => c.Service == service && c.Operation == operation && c.Injected);
            var succeeded = log.Count(c => c.Service == service && c.Operation == operation && c.StatusCode < 400);
            checks.Add(
                new DrillCheck(
                $"{operation}: {calls} x {kind} retried through", injected == calls && succeeded >= 1,
                $"{injected} injected, then {succeeded} success(es)"));
        }

        return Result(s, delivery.Result?.Outcome, timeline, checks, ScenarioKit.Rto(s, delivery));
    }
}
