using Amazon.Runtime;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Redaction;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Telemetry;
using FailoverOrchestrator.Triggers;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Coordination;

/// <summary>
/// Runs one switch exactly once: takes the lease (or takes over an expired one, keeping the checkpoint), runs the
/// pipeline from the checkpoint, and commits, each write fenced by the epoch. A holder whose fenced write fails stops
/// before its next external call.
/// </summary>
internal sealed class SwitchExecutor(
    IStateStore store, IAuditLog auditLog, FailoverPipeline pipeline, OnCallNotifier notifier, TimeProvider time, ILogger<SwitchExecutor> logger)
{
    /// <summary>How many live leases one invocation waits out before it answers InProgressElsewhere.</summary>
    private const int MaxLeaseWaits = 2;

    /// <summary>How many times a start is retried on a fresh read because another execution started and ended in between.</summary>
    private const int MaxRereads = 3;

    /// <summary>The time kept for recording a failed attempt; <see cref="Function"/> stops the steps this much before its own deadline.</summary>
    public static readonly TimeSpan CleanupReserve = TimeSpan.FromSeconds(5);

    public async Task<FailoverResult> RunAsync(FailoverTrigger trigger, AppOptions app, FailoverDirection direction, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await store.EnsureAsync(app.Name, app.PrimaryRegion, now, cancellationToken);

        // Read first: the remembered trigger keys are rewritten whole on a start, pruned to their bounds.
        var seen = await store.GetAsync(app.Name, cancellationToken);
        var (source, target) = direction == FailoverDirection.Failover ? (app.PrimaryRegion, app.StandbyRegion) : (app.StandbyRegion, app.PrimaryRegion);
        var request = new AcquireRequest
        {
            App = app.Name,
            ExecutionId = ExecutionIds.Next(app.Name, now),
            SourceRegion = source,
            TargetRegion = target,
            Phase = direction == FailoverDirection.Failover ? Phase.FailingOver : Phase.FailingBack,
            TriggerKey = trigger.IdempotencyKey,
            Now = now,
            Lease = TimeSpan.FromSeconds(app.LeaseSeconds),
            // Flap protection is for alarms; an operator's confirmed command is deliberate.
            Cooldown = trigger.IsAlarm ? TimeSpan.FromSeconds(app.CooldownSeconds) : TimeSpan.Zero,
            AlarmChangedAt = trigger.IsAlarm ? trigger.StateChangedAt : null,
        };
        request = Remembering(request, seen);

        for (int round = 1, rereads = 0; ; round++)
        {
            var state = await store.TryAcquireAsync(request, cancellationToken);
            if (state is not null)
            {
                return await HoldAsync(trigger, app, state, cancellationToken);
            }

            // A consistent read: ReturnValuesOnConditionCheckFailure is not relied on (dynalite ignores it).
            var current = await store.GetAsync(app.Name, cancellationToken);
            if (current?.Holder == request.ExecutionId && current.Phase == request.Phase)
            {
                // The SDK retried an update (a fresh start or a takeover) that had already been applied: the lease is ours.
                return await HoldAsync(trigger, app, current, cancellationToken);
            }

            if (request.AlarmChangedAt is not null && current is { Phase: Phase.Steady } && current.Epoch != request.SeenEpoch && rereads++ < MaxRereads)
            {
                // Another execution started (and ended) between the read and this start: try again on what it left.
                request = Remembering(request with { Now = time.GetUtcNow() }, current);
                round--;
                continue;
            }

            if (round > MaxLeaseWaits || !trigger.IsAlarm || !app.WaitOutLiveLease || !LeaseWaiter.IsLiveElsewhere(current, request.Now))
            {
                return await LoseAsync(app, request, trigger, current, cancellationToken);
            }

            try
            {
                await LeaseWaiter.WaitAsync(store, app.Name, time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return await LoseAsync(app, request, trigger, current, CancellationToken.None);
            }

            request = request with { Now = time.GetUtcNow() };
        }
    }

    /// <summary>The request with the epoch it was read at and, for an alarm, the bounded list of remembered keys with its own first.</summary>
    private static AcquireRequest Remembering(AcquireRequest request, AppState? seen) => request with
    {
        SeenEpoch = seen?.Epoch ?? 0,
        RecentTriggerKeys = request.AlarmChangedAt is null ? [] : TriggerMemory.Next(seen?.RecentTriggerKeys ?? [], request.TriggerKey, request.Now, seen?.AnsweredUntil),
    };

    public async Task<FailoverResult> ResumeAsync(FailoverTrigger trigger, AppOptions app, CancellationToken cancellationToken)
    {
        var state = await store.TryResumeFailedAsync(app.Name, time.GetUtcNow(), TimeSpan.FromSeconds(app.LeaseSeconds), cancellationToken);
        if (state is null)
        {
            var current = await store.GetAsync(app.Name, cancellationToken);
            return FailoverResult.Rejected($"app '{app.Name}' is {current?.Phase ?? Phase.Steady} in {current?.ActiveRegion ?? app.PrimaryRegion}: only a Failed execution can be resumed; nothing was changed", app.Name);
        }

        return await HoldAsync(trigger, app, state, cancellationToken);
    }

    private async Task<FailoverResult> HoldAsync(FailoverTrigger trigger, AppOptions app, AppState state, CancellationToken cancellationToken)
    {
        var direction = state.Phase == Phase.FailingBack ? FailoverDirection.Failback : FailoverDirection.Failover;
        var source = direction == FailoverDirection.Failover ? app.PrimaryRegion : app.StandbyRegion;
        var target = state.TargetRegion!;
        var executionId = state.ExecutionId!;
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["app"] = app.Name, ["executionId"] = executionId, ["epoch"] = state.Epoch });
        var audit = new ExecutionAudit(auditLog, app.Name, executionId, state.Epoch, time, logger);
        var takeover = state.Attempts > 1 || state.CompletedSteps.Count > 0;
        Log.LeaseAcquired(logger, takeover ? "taken over" : "acquired", app.Name, executionId, state.Epoch, state.Attempts);
        await audit.AppendAsync("TriggerReceived", Describe(trigger), cancellationToken);
        await audit.AppendAsync(takeover ? "LeaseTakenOver" : "LeaseAcquired",
            $"{direction} {source}->{target}, attempt {state.Attempts} of {app.MaxAttempts}" + (state.CompletedSteps.Count > 0 ? $", resuming after {string.Join(", ", state.CompletedSteps)}" : string.Empty),
            cancellationToken);

        var context = new StepContext
        {
            App = app,
            ExecutionId = executionId,
            Epoch = state.Epoch,
            Direction = direction,
            SourceRegion = source,
            TargetRegion = target,
            Reason = Describe(trigger),
            Automatic = trigger.IsAlarm,
            AcceptDataLossSeconds = trigger.AcceptDataLossSeconds,
            Lease = new ExecutionLease(store, state, TimeSpan.FromSeconds(app.LeaseSeconds), time),
        };
        if (state.Attempts > app.MaxAttempts)
        {
            // Earlier attempts died without recording a failure (timeouts, crashes): stop retrying by ourselves.
            return await FailAsync(app, context, audit, state, "Lease", new StepFailedException("Lease", $"{state.Attempts - 1} attempts ended without completing"), terminal: true, cancellationToken);
        }

        try
        {
            var run = await pipeline.ExecuteAsync(context, state.CompletedSteps.ToHashSet(StringComparer.Ordinal), new CheckpointingObserver(store, audit, app.Name, TimeSpan.FromSeconds(app.LeaseSeconds), time), cancellationToken);
            if (run.Blocked)
            {
                await store.AbandonAsync(app.Name, state.Epoch, run.BlockedReason!, time.GetUtcNow(), cancellationToken);
                var blocked = Result(Outcome.Blocked, context, source, $"preflight blocked the {direction.ToString().ToLowerInvariant()}; nothing was changed: {run.BlockedReason}");
                await audit.AppendAsync("Blocked", run.BlockedReason, cancellationToken);
                await notifier.TryPublishAsync(app, blocked, null, cancellationToken);
                return blocked;
            }

            await store.CommitAsync(app.Name, state.Epoch, target, time.GetUtcNow(), cancellationToken);
        }
        catch (LeaseLostException ex)
        {
            Log.LeaseLost(logger, app.Name, state.Epoch);
            await audit.AppendAsync("LeaseLost", ex.Message, cancellationToken);
            return Result(Outcome.InProgressElsewhere, context, null, $"another invocation took over execution {executionId}; this one stopped: {ex.Message}");
        }
        catch (StepFailedException ex)
        {
            return await FailAsync(app, context, audit, state, ex.Step, ex, state.Attempts >= app.MaxAttempts, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or AwsServiceException or AmazonServiceException or AmazonClientException)
        {
            // The invocation's deadline, or a state write that failed past its retries: record the attempt and release
            // the lease (so the retry takes over at once), tell the on-call, then throw for Lambda to retry.
            var step = context.Timeline.LastOrDefault(t => t.Status == StepStatus.Failed)?.Name ?? context.Timeline.LastOrDefault(t => t.Status != StepStatus.NotRun)?.Name ?? "Lease";
            return await FailAsync(app, context, audit, state, step, ex, state.Attempts >= app.MaxAttempts, cancellationToken);
        }

        var outcome = direction == FailoverDirection.Failover ? Outcome.FailedOver : Outcome.FailedBack;
        var reason = context.Warnings.Count == 0 ? context.Reason : $"{context.Reason}; warnings: {string.Join("; ", context.Warnings)}";
        await audit.AppendAsync("Completed", $"{outcome}: {target} is active", cancellationToken);
        return Result(outcome, context, target, reason);
    }

    private async Task<FailoverResult> FailAsync(AppOptions app, StepContext context, ExecutionAudit audit, AppState state, string step, Exception error, bool terminal, CancellationToken invocation)
    {
        // Recording the failure must not be cut short by the deadline that may have caused it: it gets a few seconds of
        // its own, which the function keeps in reserve before Lambda's timeout.
        using var reserve = new CancellationTokenSource(CleanupReserve, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(invocation, reserve.Token);
        var cancellationToken = invocation.IsCancellationRequested ? reserve.Token : linked.Token;
        var message = SafeText.ForHumans(error.Message);
        string? unrecorded = null;
        try
        {
            await store.RecordFailureAsync(app.Name, state.Epoch, message, terminal, time.GetUtcNow(), cancellationToken);
        }
        catch (LeaseLostException lost)
        {
            await audit.AppendAsync("LeaseLost", lost.Message, cancellationToken);
            return Result(Outcome.InProgressElsewhere, context, null, $"step {step} failed and another invocation has since taken over: {lost.Message}");
        }
        catch (Exception ex) when (ex is AwsServiceException or AmazonServiceException or AmazonClientException or OperationCanceledException)
        {
            // The state table is failing too: the on-call must still hear of it, so the page below goes out regardless.
            unrecorded = SafeText.ForHumans(ex.Message);
            Log.FailureNotRecorded(logger, app.Name, state.Epoch, ex);
        }

        var what = terminal
            ? $"FAILED at step {step} after attempt {state.Attempts} of {app.MaxAttempts}: {message}. The app stays Failed until an operator runs resume or reset."
            : $"attempt {state.Attempts} of {app.MaxAttempts} failed at step {step}: {message}. Lambda's retry resumes from the checkpoint.";
        if (unrecorded is not null)
        {
            what += $" The failure could not be recorded in the state table either ({unrecorded}); its lease expires at the latest {app.LeaseSeconds}s after its last renewal.";
        }

        await audit.AppendAsync(terminal ? "Failed" : "AttemptFailed", what, cancellationToken, step);
        // Traffic follows the record: once DnsUpsert has completed, the target serves even though the execution failed.
        var dnsMoved = context.Timeline.Any(s => s.Name == StepNames.DnsUpsert && s.Status is StepStatus.Succeeded or StepStatus.SkippedCompleted);
        var failed = Result(Outcome.Blocked, context, dnsMoved ? context.TargetRegion : context.SourceRegion, what);
        var next = terminal
            ? $"fix the cause, then {{\"command\":\"resume\",\"app\":\"{app.Name}\",\"confirm\":\"{app.Name}\"}}, or {{\"command\":\"reset\",\"app\":\"{app.Name}\",\"region\":\"<serving region>\",\"confirm\":\"{app.Name}\"}}"
            : $"watch the retry with {{\"command\":\"status\",\"app\":\"{app.Name}\"}}";
        var label = terminal ? "FAILED" : "RETRYING";
        await notifier.TryPublishAsync(app, failed, next, cancellationToken, label, $"{app.Name}/{context.ExecutionId}/{label}/attempt-{state.Attempts}");
        // The message says it all, redacted; the raw AWS exception (whose message may echo signing details) stays out
        // of what leaves the function. The invocation's deadline is kept as the cause.
        throw new ExecutionFailedException(app.Name, context.ExecutionId, step, terminal, what, error is OperationCanceledException ? error : null);
    }

    private FailoverResult Result(Outcome outcome, StepContext context, string? active, string reason) => new()
    {
        Outcome = outcome,
        App = context.App.Name,
        ExecutionId = context.ExecutionId,
        ActiveRegion = active,
        TargetRegion = context.TargetRegion,
        Steps = context.Timeline.ToList(),
        Reason = reason,
        Rpo = context.Rpo ?? Replication.RpoNotMeasured.For(context, time.GetUtcNow()),
    };

    private async Task<FailoverResult> LoseAsync(AppOptions app, AcquireRequest request, FailoverTrigger trigger, AppState? current, CancellationToken cancellationToken)
    {
        var result = ContenderClassifier.Classify(current, request);
        var audit = new ExecutionAudit(auditLog, app.Name, request.ExecutionId, 0, time, logger);
        await audit.AppendAsync(result.Outcome == Outcome.Suppressed ? "Suppressed" : "Duplicate", $"{Describe(trigger)}: {result.Outcome}: {result.Reason}", cancellationToken);
        if (result.Outcome == Outcome.Suppressed && current?.LastTransitionAt is { } window && await ClaimSuppressedPageAsync(app, window, cancellationToken))
        {
            await notifier.TryPublishAsync(app, result, null, cancellationToken, deduplicationKey: $"{app.Name}/suppressed/{window.ToUnixTimeMilliseconds()}");
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
        catch (Exception ex) when (ex is AmazonServiceException or AmazonClientException)
        {
            Log.FailureNotRecorded(logger, app.Name, 0, ex);
            return true;
        }
    }

    private static string Describe(FailoverTrigger trigger) => trigger.IsAlarm
        ? $"alarm {trigger.AlarmName} {trigger.PreviousState}->{trigger.State} at {trigger.StateChangedAt:u} via {trigger.Source}"
        : $"operator {trigger.Command.ToString().ToLowerInvariant()}: {trigger.Reason ?? "no reason given"}";
}
