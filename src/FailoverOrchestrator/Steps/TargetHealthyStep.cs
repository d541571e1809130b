using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Steps;

/// <summary>
/// After the scale-up, waits until the target region's Route 53 health check reports healthy, so traffic moves only
/// to a region that answers. A pilot-light standby is unhealthy until its tasks run and Route 53's checkers have seen
/// them pass FailureThreshold times. Bounded by <see cref="AppOptions.HealthWaitSeconds"/>; reads only, so a resumed
/// execution simply waits again. Under <see cref="PreflightPolicy.Block"/> a target that stays unhealthy fails the
/// step (the execution retries from here, and the record never moves to it); under <see cref="PreflightPolicy.Warn"/>
/// it warns and traffic moves anyway.
/// </summary>
internal sealed class TargetHealthyStep(IRoute53Client route53, TimeProvider time) : IFailoverStep
{
    public string Name => StepNames.TargetHealthy;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var healthCheckId = context.App.Regions[context.TargetRegion].HealthCheckId;
        var started = time.GetUtcNow();
        var poll = new HealthCheckPoll(route53, context, healthCheckId);
        var answered = await Polling.UntilAsync(
            poll.ReadAsync,
            PollSchedule.HealthCheck,
            time.GetUtcNow().AddSeconds(context.App.HealthWaitSeconds),
            time,
            cancellationToken);
        var calls = poll.Calls;

        if (poll.Outage is { } outage)
        {
            // Reading Route 53's verdict needs its API in us-east-1; the routing-control switch does not, and the
            // scale-up has already waited for the tasks to run.
            context.Warnings.Add(outage);
            return new StepOutcome(StepStatus.Warned, outage, Collapse(calls));
        }

        if (poll.Unreadable is not null || !answered)
        {
            return NotHealthy(context, poll.Unreadable ?? $"{poll.Last} after waiting {context.App.HealthWaitSeconds} s", calls);
        }

        return StepOutcome.Succeeded(
            $"health check {healthCheckId} of {context.TargetRegion} is healthy after {(time.GetUtcNow() - started).TotalSeconds:0} s",
            Collapse(calls));
    }

    public Task<StepOutcome> PlanAsync(StepContext context, CancellationToken cancellationToken) =>
        Task.FromResult(StepOutcome.Planned(
            $"wait for {context.TargetRegion}'s health check to report healthy",
            [$"route53:GetHealthCheckStatus HealthCheckId={context.App.Regions[context.TargetRegion].HealthCheckId} until healthy, at most "
                + $"{context.App.HealthWaitSeconds}s"]));

    private StepOutcome NotHealthy(StepContext context, string problem, List<string> calls)
    {
        if (context.App.PreflightPolicy == PreflightPolicy.Warn)
        {
            context.Warnings.Add(problem);
            return new StepOutcome(StepStatus.Warned, problem + " (policy Warn: moving traffic anyway)", Collapse(calls));
        }

        throw new StepFailedException(Name, $"{problem}; traffic stays where it is (policy Block)");
    }

    /// <summary>One line for a run of identical polls.</summary>
    private static List<string> Collapse(List<string> calls) =>
        calls.Count <= 1 ? calls : [$"{calls[0]} x{calls.Count}"];
}
