using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Coordination.Execution;
using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Redaction;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Telemetry;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Coordination.Failures;

/// <summary>
/// Records a failed attempt (released for Lambda's retry, or Failed after the last attempt), audits it, pages the
/// on-call, then throws <see cref="ExecutionFailedException"/> so that Lambda retries the event.
/// </summary>
internal sealed class FailureRecorder(IStateStore store, OnCallNotifier notifier, TimeProvider time, ILogger logger)
{
    /// <summary>The time kept for recording a failed attempt; <see cref="Function"/> stops the steps this much before its own
    /// deadline.</summary>
    public static readonly TimeSpan CleanupReserve = TimeSpan.FromSeconds(5);

    public async Task<FailoverResult> FailAsync(HeldExecution execution, string step, Exception error, bool terminal,
        CancellationToken invocation)
    {
        // Recording the failure must not be cut short by the deadline that may have caused it: it gets a few seconds of
        // its own, which the function keeps in reserve before Lambda's timeout.
        using var reserve = new CancellationTokenSource(CleanupReserve, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(invocation, reserve.Token);
        var cancellationToken = invocation.IsCancellationRequested ? reserve.Token : linked.Token;
        var message = SafeText.ForHumans(error.Message);
        string? unrecorded;
        try
        {
            unrecorded = await TryRecordAsync(execution, message, terminal, cancellationToken);
        }
        catch (LeaseLostException lost)
        {
            await execution.Audit.AppendAsync("LeaseLost", lost.Message, cancellationToken);
            return ExecutionResults.Of(Outcome.InProgressElsewhere, execution.Context, null,
                $"step {step} failed and another invocation has since taken over: {lost.Message}");
        }

        var what = FailureNotice.What(execution, step, message, terminal, unrecorded);
        await execution.Audit.AppendAsync(terminal ? "Failed" : "AttemptFailed", what, cancellationToken, step);
        await PageAsync(execution, what, terminal, cancellationToken);

        // The message says it all, redacted; the raw AWS exception (whose message may echo signing details) stays out
        // of what leaves the function. The invocation's deadline is kept as the cause.
        throw new ExecutionFailedException(execution.App.Name, execution.Context.ExecutionId, step, terminal,
            execution.Context.TargetRegion, what, error is OperationCanceledException ? error : null);
    }

    /// <summary>Records the failure in the state item; returns why it could not be recorded, or null when it was.</summary>
    private async Task<string?> TryRecordAsync(HeldExecution execution, string message, bool terminal, CancellationToken cancellationToken)
    {
        try
        {
            await store.RecordFailureAsync(execution.App.Name, execution.State.Epoch, message, terminal, time.GetUtcNow(),
                cancellationToken);
            return null;
        }
        catch (Exception ex) when (ex is AwsServiceException or OperationCanceledException)
        {
            // The state table is failing too: the on-call must still hear of it, so the page goes out regardless.
            Log.FailureNotRecorded(logger, execution.App.Name, execution.State.Epoch, ex);
            return SafeText.ForHumans(ex.Message);
        }
    }

    private async Task PageAsync(HeldExecution execution, string what, bool terminal, CancellationToken cancellationToken)
    {
        var (app, context) = (execution.App, execution.Context);

        // Traffic follows the record: once DnsUpsert has completed, the target serves even though the execution failed.
        var dnsMoved =
            context.Timeline.Any(s => s.Name == StepNames.DnsUpsert && s.Status is StepStatus.Succeeded or StepStatus.SkippedCompleted);
        var page = new Page
        {
            Event = terminal ? PageEvent.Failed : PageEvent.Retrying,
            App = app.Name,
            ExecutionId = context.ExecutionId,
            ActiveRegion = dnsMoved ? context.TargetRegion : context.SourceRegion,
            TargetRegion = context.TargetRegion,
            Steps = context.Timeline.ToList(),
            Reason = what,
            Rpo = context.Rpo,
        };
        var deduplicationKey = $"{app.Name}/{context.ExecutionId}/{page.Headline}/attempt-{execution.State.Attempts}";
        await notifier.TryPublishAsync(app, page, FailureNotice.Next(app.Name, terminal), cancellationToken, deduplicationKey);
    }
}
