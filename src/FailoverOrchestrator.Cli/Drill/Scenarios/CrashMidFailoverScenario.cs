using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>
/// The function process is killed right after PromoteWriter's checkpoint; Lambda's retry, in a new execution
/// environment, waits out the dead invocation's lease, takes it over and resumes at DnsUpsert.
/// </summary>
internal sealed class CrashMidFailoverScenario : DrillScenario
{
    public override string Name => "crash-mid-failover";

    public override string Description =>
        "the function process is killed right after PromoteWriter; Lambda's retry takes over the expired lease and resumes at DnsUpsert";

    // A short lease, so the retry waits it out in seconds of real time (the waits must stay shorter than the lease).
    public override IReadOnlyList<KeyValuePair<string, string?>> Overrides =>
    [
        new("Orchestrator:Apps:shop:LeaseSeconds", "12"),
        new("Orchestrator:Apps:shop:EcsWaitSeconds", "10"),
        new("Orchestrator:Apps:shop:HealthWaitSeconds", "10"),
        new("Orchestrator:Apps:shop:DnsWaitSeconds", "10"),
    ];

    public override Outcome Expected => Outcome.FailedOver;

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        ScenarioKit.TakePrimaryDown(s, timeline);
        var alarm = ScenarioKit.Alarm(s);

        var crashed = await s.InvokeAndKillAtStepAsync("alarm delivery (process killed)", alarm, StepNames.DnsUpsert);
        ScenarioKit.AddSteps(s, timeline, crashed, withTtl: false);
        cancellationToken.ThrowIfCancellationRequested();

        // Lambda retries a failed asynchronous invocation after about a minute; the retry waits out what is left of the
        // dead invocation's lease (seconds here), then takes it over.
        s.Clock.Jump(TimeSpan.FromMinutes(1));
        var retry = await s.InvokeAsync("Lambda retry", alarm);
        ScenarioKit.AddSteps(s, timeline, retry);

        var resumed = retry.Result?.Steps.Where(x => x.Status == StepStatus.SkippedCompleted).Select(x => x.Name).ToList() ?? [];
        var checks = await FailoverChecks.FailedOverAsync(s, retry.Result?.ExecutionId);
        checks.Add(
            new DrillCheck(
            "the first invocation died", crashed.Result is null
            && crashed.Error?.Contains("Runtime.ExitError", StringComparison.Ordinal) == true, crashed.Summary));
        checks.Add(
            new DrillCheck(
            "the retry resumed after the checkpoint",
            resumed.SequenceEqual([StepNames.Preflight, StepNames.EcsScaleUp, StepNames.TargetHealthy, StepNames.PromoteWriter]),
            "skipped: " + string.Join(", ", resumed)));
        checks.Add(
            new DrillCheck(
            "the retry kept the execution", retry.Result?.ExecutionId is not null
            && (await EndStateChecks.AuditAsync(s)).Any(e => e.ExecutionId == retry.Result.ExecutionId && e.Kind == "LeaseTakenOver"),
            "audit shows LeaseTakenOver"));
        checks.Add(EndStateChecks.CalledOnce(s, LocalService.Ecs, "UpdateService"));
        return Result(s, retry.Result?.Outcome, timeline, checks);
    }
}
