using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Telemetry;
using Microsoft.Extensions.Logging;
using FailoverOrchestrator.Redaction;

namespace FailoverOrchestrator.Pipeline;

/// <summary>Executes the steps in the order they are configured, skipping those a previous attempt completed.</summary>
internal sealed class SwitchPipeline(IReadOnlyDictionary<string, IFailoverStep> steps, TimeProvider time, ILogger<SwitchPipeline> logger)
{
    /// <summary>
    /// The steps of an execution in order, plus the scale-down after a failback when configured. The order is fixed: a
    /// list without a step could not honour the "FAILED OVER" it reports.
    /// </summary>
    public IReadOnlyList<IFailoverStep> StepsFor(AppOptions app, SwitchDirection direction)
    {
        var names = StepNames.DefaultOrder.ToList();
        if (direction == SwitchDirection.Failback && app.ScaleDownAfterFailback)
        {
            var dns = names.IndexOf(StepNames.DnsUpsert);
            names.Insert(dns < 0 ? names.Count : dns + 1, StepNames.EcsScaleDown);
        }

        return names.Select(n => steps[n]).ToList();
    }

    public async Task<PipelineRun> ExecuteAsync(
        StepContext context, IReadOnlyCollection<string> completed, IPipelineObserver observer, CancellationToken cancellationToken)
    {
        var ordered = StepsFor(context.App, context.Direction);
        for (var i = 0; i < ordered.Count; i++)
        {
            var step = ordered[i];
            if (completed.Contains(step.Name))
            {
                context.Timeline.Add(new StepResult { Name = step.Name, Status = StepStatus.SkippedCompleted,
                    Detail = "completed by an earlier attempt of this execution" });
                continue;
            }

            using var scope = logger.BeginScope(new Dictionary<string, object> { ["step"] = step.Name });
            var attempt = new StepAttempt(ordered, i, time.GetUtcNow(), time.GetTimestamp());
            var outcome = await RunStepAsync(context, attempt, observer, cancellationToken);
            var result = Result(step, outcome, attempt.StartedAt, attempt.Started);
            if (outcome.Status == StepStatus.Blocked)
            {
                EndAt(context, attempt, result);
                Log.StepFinished(logger, step.Name, result.Status.ToString(), result.DurationMs, outcome.Detail);
                return new PipelineRun(true, outcome.Detail);
            }

            context.Timeline.Add(result);
            Log.StepFinished(logger, step.Name, result.Status.ToString(), result.DurationMs, outcome.Detail);
            await observer.StepCompletedAsync(result, cancellationToken);
        }

        return new PipelineRun(false, null);
    }

    /// <summary>
    /// Runs the attempt's step once its lease is checked; on any exception, the step and those after it are marked in the
    /// timeline.
    /// </summary>
    private async Task<StepOutcome> RunStepAsync(
        StepContext context, StepAttempt attempt, IPipelineObserver observer, CancellationToken cancellationToken)
    {
        var step = attempt.Step;
        try
        {
            // Fenced first: a holder paused past its lease and taken over stops here, before the step reads or changes anything.
            await context.Lease.EnsureHeldAsync($"step {step.Name}", cancellationToken);
            await observer.StepStartingAsync(step.Name, cancellationToken);
            Log.StepStarted(logger, step.Name);
            return await step.ExecuteAsync(context, cancellationToken);
        }
        catch (LeaseLostException)
        {
            // Another invocation owns the execution now: this one records nothing for the step and stops.
            EndAt(context, attempt, new StepResult { Name = step.Name, Status = StepStatus.NotRun, StartedAt = attempt.StartedAt,
                Detail = "stopped: another invocation took over the lease" });
            throw;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The invocation's deadline: the step is marked, and the cancellation goes on to the coordinator.
            EndAt(context, attempt, new StepResult { Name = step.Name, Status = StepStatus.Failed, StartedAt = attempt.StartedAt,
                DurationMs = (long)time.GetElapsedTime(attempt.Started).TotalMilliseconds,
                Detail = "stopped at the invocation's deadline" });
            throw;
        }
        catch (Exception ex)
        {
            throw await FailedAsync(context, attempt, observer, ex, cancellationToken);
        }
    }

    /// <summary>Records a step that threw (timeline, log, observer) and returns what the pipeline throws for it.</summary>
    private async Task<StepFailedException> FailedAsync(
        StepContext context, StepAttempt attempt, IPipelineObserver observer, Exception ex, CancellationToken cancellationToken)
    {
        var step = attempt.Step;
        var elapsed = (long)time.GetElapsedTime(attempt.Started).TotalMilliseconds;
        var failed = new StepResult { Name = step.Name, Status = StepStatus.Failed, StartedAt = attempt.StartedAt, DurationMs = elapsed,
            Detail = SafeText.ForHumans(ex.Message) };
        EndAt(context, attempt, failed);
        Log.StepFailed(logger, step.Name, elapsed, ex);
        await observer.StepFailedAsync(failed, ex, cancellationToken);
        return ex as StepFailedException ?? new StepFailedException(step.Name, ex.Message, ex);
    }

    /// <summary>Lists every step's calls without making any change; preflight reads for real.</summary>
    public async Task<PipelineRun> PlanAsync(StepContext context, CancellationToken cancellationToken)
    {
        var ordered = StepsFor(context.App, context.Direction);
        string? blocked = null;
        foreach (var step in ordered)
        {
            var startedAt = time.GetUtcNow();
            var started = time.GetTimestamp();
            var outcome = await step.PlanAsync(context, cancellationToken);
            context.Timeline.Add(Result(step, outcome, startedAt, started));
            blocked ??= outcome.Status == StepStatus.Blocked ? outcome.Detail : null;
        }

        return new PipelineRun(blocked is not null, blocked);
    }

    private StepResult Result(IFailoverStep step, StepOutcome outcome, DateTimeOffset startedAt, long started) => new()
    {
        Name = step.Name,
        Status = outcome.Status,
        StartedAt = startedAt,
        DurationMs = (long)time.GetElapsedTime(started).TotalMilliseconds,
        Detail = outcome.Detail,
        Calls = outcome.Calls,
    };

    /// <summary>Ends the timeline at the attempt's step: its entry, then every later step as NotRun.</summary>
    private static void EndAt(StepContext context, StepAttempt attempt, StepResult entry)
    {
        context.Timeline.Add(entry);
        for (var j = attempt.Index + 1; j < attempt.Ordered.Count; j++)
        {
            context.Timeline.Add(new StepResult { Name = attempt.Ordered[j].Name, Status = StepStatus.NotRun });
        }
    }
}
