using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>The process dies after PromoteWriter; Lambda's retry a minute later takes over the expired lease and resumes.</summary>
internal sealed class CrashMidFailoverScenario : DrillScenario
{
    public override string Name => "crash-mid-failover";

    public override string Description => "the invocation dies right after PromoteWriter; Lambda's retry a minute later takes over the expired lease and resumes at DnsUpsert";

    public override Outcome Expected => Outcome.FailedOver;

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        ScenarioKit.TakePrimaryDown(s, timeline);
        var alarm = ScenarioKit.Alarm(s);

        var crashed = await s.InvokeAsync("alarm delivery (dies)", alarm, aws => aws with { State = new CrashingStateStore(aws.State, StepNames.PromoteWriter) });
        ScenarioKit.AddSteps(s, timeline, crashed, withTtl: false);
        cancellationToken.ThrowIfCancellationRequested();

        // Lambda retries a failed asynchronous invocation after about a minute; by then the dead invocation's lease has expired.
        s.Clock.Jump(TimeSpan.FromSeconds(s.App.LeaseSeconds + 1));
        var retry = await s.InvokeAsync("Lambda retry", alarm);
        ScenarioKit.AddSteps(s, timeline, retry);

        var resumed = retry.Result?.Steps.Where(x => x.Status == StepStatus.SkippedCompleted).Select(x => x.Name).ToList() ?? [];
        var checks = await FailoverChecks.FailedOverAsync(s, retry.Result?.ExecutionId);
        checks.Add(new DrillCheck("the first invocation died", crashed.Result is null && crashed.Error?.Contains(nameof(SimulatedCrashException), StringComparison.Ordinal) == true, crashed.Summary));
        checks.Add(new DrillCheck("the retry resumed after the checkpoint", resumed.SequenceEqual([StepNames.Preflight, StepNames.EcsScaleUp, StepNames.TargetHealthy, StepNames.PromoteWriter]), "skipped: " + string.Join(", ", resumed)));
        checks.Add(new DrillCheck("the retry kept the execution", retry.Result?.ExecutionId is not null && (await EndStateChecks.AuditAsync(s)).Any(e => e.ExecutionId == retry.Result.ExecutionId && e.Kind == "LeaseTakenOver"), "audit shows LeaseTakenOver"));
        checks.Add(EndStateChecks.CalledOnce(s, LocalService.Ecs, "UpdateService"));
        return Result(s, retry.Result?.Outcome, timeline, checks);
    }
}
