using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Coordination.Failures;
using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Telemetry;
using FailoverOrchestrator.Triggers;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Coordination.Execution;

/// <summary>
/// Runs an execution whose lease is held, from its checkpoint, and ends it: committed, abandoned (preflight blocked,
/// nothing changed), stopped (lease lost) or failed (recorded by <see cref="FailureRecorder"/>). Each write is fenced
/// by the epoch; a holder whose fenced write fails stops before its next external call.
/// </summary>
internal sealed class ExecutionRunner(
    IStateStore store, IAuditLog auditLog, SwitchPipeline pipeline, FailureRecorder failures, OnCallNotifier notifier, TimeProvider time,
        ILogger logger)
{
    public async Task<FailoverResult> RunAsync(FailoverTrigger trigger, AppOptions app, AppState state, CancellationToken cancellationToken)
    {
        using var scope = logger.BeginScope(
            new Dictionary<string, object> { ["app"] = app.Name, ["executionId"] = state.ExecutionId!, ["epoch"] = state.Epoch });
        var context = ExecutionStart.Context(trigger, app, state, store, time);
        var execution =
            new HeldExecution(app, state, context, new ExecutionAudit(auditLog, app.Name, context.ExecutionId, state.Epoch, time, logger));
        await ExecutionStart.AnnounceAsync(execution, logger, cancellationToken);
        if (state.Attempts > app.MaxAttempts)
        {
            // Earlier attempts died without recording a failure (timeouts, crashes): stop retrying by ourselves.
            var spent = new StepFailedException("Lease", $"{state.Attempts - 1} attempts ended without completing");
            return await failures.FailAsync(execution, "Lease", spent, terminal: true, cancellationToken);
        }

        return await RunHeldAsync(execution, lastAttempt: state.Attempts >= app.MaxAttempts, cancellationToken);
    }

    /// <summary>Runs the held execution to its end and turns each way it can stop into its result: lease lost, a step failed,
    /// the deadline or a state write cut it short, preflight blocked it, or it completed.</summary>
    private async Task<FailoverResult> RunHeldAsync(HeldExecution execution, bool lastAttempt, CancellationToken cancellationToken)
    {
        var context = execution.Context;
        try
        {
            if (await RunPipelineAsync(execution, cancellationToken) is { } blocked)
            {
                return blocked;
            }
        }
        catch (LeaseLostException ex)
        {
            Log.LeaseLost(logger, execution.App.Name, execution.State.Epoch);
            await execution.Audit.AppendAsync("LeaseLost", ex.Message, cancellationToken);
            return ExecutionResults.Of(Outcome.InProgressElsewhere, context, null,
                $"another invocation took over execution {context.ExecutionId}; this one stopped: {ex.Message}");
        }
        catch (StepFailedException ex)
        {
            return await failures.FailAsync(execution, ex.Step, ex, ex.Terminal || lastAttempt, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or AwsServiceException)
        {
            // The invocation's deadline, or a state write that failed past its retries: record the attempt and release
            // the lease (so the retry takes over at once), tell the on-call, then throw for Lambda to retry.
            return await failures.FailAsync(execution, FailingStep(context), ex, lastAttempt, cancellationToken);
        }

        var outcome = context.Direction == SwitchDirection.Failover ? Outcome.FailedOver : Outcome.FailedBack;
        await execution.Audit.AppendAsync("Completed", $"{outcome}: {context.TargetRegion} is active", cancellationToken);
        return ExecutionResults.Of(outcome, context, context.TargetRegion, context.ReasonWithWarnings);
    }

    /// <summary>Runs the steps from the checkpoint and commits; returns the Blocked result when preflight stopped the switch, else
    /// null.</summary>
    private async Task<FailoverResult?> RunPipelineAsync(HeldExecution execution, CancellationToken cancellationToken)
    {
        var (app, state, context) = (execution.App, execution.State, execution.Context);
        var observer = new CheckpointingObserver(store, execution.Audit, app.Name, TimeSpan.FromSeconds(app.LeaseSeconds), time);
        var run = await pipeline.ExecuteAsync(context, state.CompletedSteps.ToHashSet(StringComparer.Ordinal), observer, cancellationToken);
        if (run.Blocked)
        {
            return await AbandonAsync(execution, run.BlockedReason!, cancellationToken);
        }

        await store.CommitAsync(app.Name, state.Epoch, context.TargetRegion, time.GetUtcNow(), cancellationToken);
        return null;
    }

    /// <summary>Preflight blocked the switch: nothing changed, so the item goes back to Steady in the source region and the on-call hears
    /// why.</summary>
    private async Task<FailoverResult> AbandonAsync(HeldExecution execution, string reason, CancellationToken cancellationToken)
    {
        var context = execution.Context;
        await store.AbandonAsync(execution.App.Name, execution.State.Epoch, reason, cancellationToken);
        var direction = context.Direction.ToString().ToLowerInvariant();
        var blocked = ExecutionResults.Of(Outcome.Blocked, context, context.SourceRegion,
            $"preflight blocked the {direction}; nothing was changed: {reason}");
        await execution.Audit.AppendAsync("Blocked", reason, cancellationToken);
        await notifier.TryPublishAsync(execution.App, blocked, null, cancellationToken);
        return blocked;
    }

    /// <summary>The step a deadline or a failed state write cut short: the last that failed, else the last that ran.</summary>
    private static string FailingStep(StepContext context) =>
        context.Timeline.LastOrDefault(t => t.Status == StepStatus.Failed)?.Name
        ?? context.Timeline.LastOrDefault(t => t.Status != StepStatus.NotRun)?.Name
        ?? "Lease";
}
