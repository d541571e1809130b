using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Coordination.Execution;
using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Telemetry;
using FailoverOrchestrator.Triggers;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Coordination.Acquisition;

/// <summary>Answers an invocation that did not get the lease: why (from a consistent read), audited, and paged once per cooldown window
/// when suppressed.</summary>
internal sealed class ContenderAnswer(IStateStore store, IAuditLog auditLog, OnCallNotifier notifier, TimeProvider time, ILogger logger)
{
    public async Task<FailoverResult> AnswerAsync(AppOptions app, AcquireRequest request, FailoverTrigger trigger, AppState? current,
        CancellationToken cancellationToken)
    {
        var result = ContenderClassifier.Classify(current, request);
        var audit = new ExecutionAudit(auditLog, app.Name, request.ExecutionId, 0, time, logger);
        await audit.AppendAsync(result.Outcome == Outcome.Suppressed ? "Suppressed" : "Duplicate",
            $"{TriggerDescription.Of(trigger)}: {result.Outcome}: {result.Reason}", cancellationToken);
        if (result.Outcome == Outcome.Suppressed && current?.LastTransitionAt is { } window
            && await ClaimSuppressedPageAsync(app, window, cancellationToken))
        {
            await notifier.TryPublishAsync(app, result, null, cancellationToken,
                $"{app.Name}/suppressed/{window.ToUnixTimeMilliseconds()}");
        }

        return result;
    }

    /// <summary>
    /// One Suppressed page per cooldown window: a storm of duplicates during the cooldown pages once. If the claim
    /// itself cannot be written, the page goes out anyway: a second page is better than none.
    /// </summary>
    private async Task<bool> ClaimSuppressedPageAsync(AppOptions app, DateTimeOffset window, CancellationToken cancellationToken)
    {
        try
        {
            return await store.TryClaimSuppressedPageAsync(app.Name, window, cancellationToken);
        }
        catch (AwsServiceException ex)
        {
            Log.FailureNotRecorded(logger, app.Name, 0, ex);
            return true;
        }
    }
}
