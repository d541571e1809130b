using FailoverOrchestrator.Redaction;
using FailoverOrchestrator.State;
using static FailoverOrchestrator.Aws.DynamoDb.DynamoValues;
using static FailoverOrchestrator.Aws.DynamoDb.PhaseValues;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>
/// The state table (one item per app, key <c>app</c>). Every transition is one conditional UpdateItem; the writes of a
/// holder are fenced by <c>epoch = :epoch</c>. Times are stored as epoch milliseconds so conditions compare numbers.
/// </summary>
internal sealed class DynamoDbStateStore(IDynamoDbClientFactory clients, string region, string tableName) : IStateStore
{
    private const string InProgress = "#phase IN (:over, :back)";

    private readonly StateTable _table = new(clients, region, tableName);

    public Task<AppState?> GetAsync(string app, CancellationToken cancellationToken) => _table.GetAsync(app, cancellationToken);

    public Task EnsureAsync(string app, string activeRegion, DateTimeOffset now, CancellationToken cancellationToken) =>
        // No lastTransitionAt: a new item must not start a cooldown that would suppress the first failover. An item
        // that exists already fails the condition, and there is nothing to do.
        _table.TryPutAsync(
            new()
            {
                [StateItem.App] = String(app),
                [StateItem.ActiveRegion] = String(activeRegion),
                [StateItem.Phase] = Steady,
                [StateItem.Epoch] = Number(0),
                [StateItem.Attempts] = Number(0),
                [StateItem.CompletedSteps] = StringList([]),
                [StateItem.CreatedAt] = Millis(now),
            },
            "attribute_not_exists(#app)",
            cancellationToken);

    public async Task<AppState?> TryAcquireAsync(AcquireRequest request, CancellationToken cancellationToken)
    {
        // The fresh start goes first because it is the common case (a new alarm); the takeover costs one extra round
        // trip and only happens on a retry or behind a contender that already won.
        var fresh = AcquireUpdates.FreshStart(request);
        var takeover = AcquireUpdates.TakeOver(request);
        return await _table.TryUpdateAsync(request.App, fresh.Condition, fresh.Update, fresh.Values, cancellationToken)
            ?? await _table.TryUpdateAsync(request.App, takeover.Condition, takeover.Update, takeover.Values, cancellationToken);
    }

    public Task<AppState?> TryResumeFailedAsync(string app, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        _table.TryUpdateAsync(
            app,
            "#phase = :failed AND #failedPhase IN (:over, :back)",
            "SET #phase = #failedPhase, #epoch = #epoch + :one, #attempts = :one, #leaseExpiresAt = :lease REMOVE #failedPhase",
            new() { [":failed"] = Failed, [":over"] = FailingOver, [":back"] = FailingBack, [":one"] = Number(1),
                [":lease"] = Millis(now + lease) },
            cancellationToken);

    public async Task CheckpointAsync(string app, long epoch, string completedStep, DateTimeOffset leaseExpiresAt,
        CancellationToken cancellationToken)
    {
        // NOT contains(...) keeps the checkpoint free of duplicates when the SDK retries a write that had in fact been
        // applied; the re-read below then tells such a retry (same epoch, step present) from a lost lease.
        var appended = await _table.TryFencedUpdateAsync(
            app,
            epoch,
            "NOT contains(#completedSteps, :step)",
            "SET #completedSteps = list_append(if_not_exists(#completedSteps, :noSteps), :steps), #leaseExpiresAt = :lease",
            new() { [":step"] = String(completedStep), [":steps"] = StringList([completedStep]), [":noSteps"] = StringList([]),
                [":lease"] = Millis(leaseExpiresAt) },
            cancellationToken);

        if (!appended)
        {
            await _table.ThrowUnlessAppliedAsync(app, epoch, state => state.CompletedSteps.Contains(completedStep, StringComparer.Ordinal),
                cancellationToken);
            await _table.FencedUpdateAsync(app, epoch, null, "SET #leaseExpiresAt = :lease", new() { [":lease"] = Millis(leaseExpiresAt) },
                cancellationToken);
        }
    }

    public Task CommitAsync(string app, long epoch, string activeRegion, DateTimeOffset now, CancellationToken cancellationToken) =>
        _table.FencedUpdateAsync(
            app,
            epoch,
            null,
            "SET #phase = :steady, #activeRegion = :region, #lastTransitionAt = :now, #lastSwitchStartedAt = if_not_exists(#startedAt, "
                + ":now) "
                + "REMOVE #leaseExpiresAt, #targetRegion, #failedPhase, #lastError, #dnsChangeId, #pageMessageId",
            new() { [":steady"] = Steady, [":region"] = String(activeRegion), [":now"] = Millis(now) },
            cancellationToken);

    public async Task RecordFailureAsync(string app, long epoch, string error, bool terminal, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (!terminal)
        {
            // Releasing the lease (expiry = now) lets Lambda's retry take over at once instead of waiting it out.
            await _table.FencedUpdateAsync(app, epoch, null, "SET #lastError = :error, #leaseExpiresAt = :now",
                new() { [":error"] = String(SafeText.ForHumans(error)), [":now"] = Millis(now) }, cancellationToken);
            return;
        }

        // failedPhase copies the phase being left, so the guard on the phase stops a retried write (already Failed) from
        // overwriting it with "Failed"; the re-read then recognises that retry as done.
        var failed = await _table.TryFencedUpdateAsync(
            app,
            epoch,
            InProgress,
            "SET #failedPhase = #phase, #phase = :failed, #lastError = :error REMOVE #leaseExpiresAt",
            new() { [":over"] = FailingOver, [":back"] = FailingBack, [":failed"] = Failed,
                [":error"] = String(SafeText.ForHumans(error)) },
            cancellationToken);

        if (!failed)
        {
            await _table.ThrowUnlessAppliedAsync(app, epoch, state => state.Phase == Phase.Failed, cancellationToken);
        }
    }

    public Task AbandonAsync(string app, long epoch, string reason, CancellationToken cancellationToken) =>
        // activeRegion stays the source and lastTransitionAt is untouched: nothing moved, so no cooldown starts.
        _table.FencedUpdateAsync(
            app,
            epoch,
            null,
            "SET #phase = :steady, #lastError = :reason REMOVE #leaseExpiresAt, #targetRegion, #dnsChangeId, #pageMessageId",
            new() { [":steady"] = Steady, [":reason"] = String(SafeText.ForHumans(reason)) },
            cancellationToken);

    public Task RenewAsync(string app, long epoch, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken) =>
        // The phase guard keeps a renewal from giving a lease to an execution that has already ended at this epoch.
        _table.FencedUpdateAsync(
            app, epoch, InProgress, "SET #leaseExpiresAt = :lease",
                new() { [":over"] = FailingOver, [":back"] = FailingBack, [":lease"] = Millis(leaseExpiresAt) }, cancellationToken);

    public Task RecordExecutionValueAsync(string app, long epoch, ExecutionValue kind, string value, DateTimeOffset leaseExpiresAt,
        CancellationToken cancellationToken) =>
        _table.FencedUpdateAsync(
            app,
            epoch,
            InProgress,
            $"SET #{StateItem.AttributeOf(kind)} = :value, #leaseExpiresAt = :lease",
            new() { [":over"] = FailingOver, [":back"] = FailingBack, [":value"] = String(value), [":lease"] = Millis(leaseExpiresAt) },
            cancellationToken);

    public async Task<bool> TryClaimSuppressedPageAsync(string app, DateTimeOffset lastTransitionAt, CancellationToken cancellationToken) =>
        // One Suppressed page per cooldown window, named by the switch that started it: the first contender claims it.
        await _table.TryUpdateAsync(
            app,
            "#lastTransitionAt = :window AND (attribute_not_exists(#suppressedPagedFor) OR #suppressedPagedFor <> :window)",
            "SET #suppressedPagedFor = :window",
            new() { [":window"] = Millis(lastTransitionAt) },
            cancellationToken) is not null;

    public async Task<bool> ResetAsync(string app, string activeRegion, DateTimeOffset now, CancellationToken cancellationToken) =>
        // The epoch is raised so that a slow holder of the reset execution (lease expired but still running) is fenced
        // out: without it, its next checkpoint or commit would pass "epoch = :epoch" and undo the reset.
        await _table.TryUpdateAsync(
            app,
            "#phase = :failed OR (#phase IN (:over, :back) AND #leaseExpiresAt <= :now)",
            "SET #phase = :steady, #activeRegion = :region, #lastTransitionAt = :now, #lastSwitchStartedAt = :now, #epoch = #epoch + :one "
                + "REMOVE #leaseExpiresAt, #targetRegion, #failedPhase, #dnsChangeId, #pageMessageId",
            new()
            {
                [":failed"] = Failed,
                [":over"] = FailingOver,
                [":back"] = FailingBack,
                [":steady"] = Steady,
                [":region"] = String(activeRegion),
                [":now"] = Millis(now),
                [":one"] = Number(1),
            },
            cancellationToken) is not null;
}
