using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.Aws.DynamoDb;
using static FailoverOrchestrator.Aws.DynamoDb.DynamoValues;
using FailoverOrchestrator.Redaction;

namespace FailoverOrchestrator.Coordination;

/// <summary>
/// The state table (one item per app, key <c>app</c>). Every transition is one conditional UpdateItem; the writes of a
/// holder are fenced by <c>epoch = :epoch</c>. Times are stored as epoch milliseconds so conditions compare numbers.
/// </summary>
internal sealed class DynamoDbStateStore(Func<IAmazonDynamoDB> clientFactory, string tableName) : IStateStore
{
    // The SDK client is built on first use: an invocation that needs no state (bad input, an OK alarm) never pays for it.
    private readonly Lazy<IAmazonDynamoDB> _client = new(clientFactory);

    public DynamoDbStateStore(IAmazonDynamoDB client, string tableName)
        : this(() => client, tableName)
    {
    }

    private IAmazonDynamoDB Client => _client.Value;

    // "phase" is not a DynamoDB reserved word today, but "#phase" keeps the expressions valid should it become one.
    private static readonly Dictionary<string, string> PhaseName = new() { ["#phase"] = StateItem.Phase };
    private static readonly AttributeValue Steady = String(nameof(Phase.Steady));
    private static readonly AttributeValue FailingOver = String(nameof(Phase.FailingOver));
    private static readonly AttributeValue FailingBack = String(nameof(Phase.FailingBack));
    private static readonly AttributeValue Failed = String(nameof(Phase.Failed));

    public async Task<AppState?> GetAsync(string app, CancellationToken cancellationToken)
    {
        var response = await Client.GetItemAsync(
            new GetItemRequest { TableName = tableName, Key = StateItem.Key(app), ConsistentRead = true },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? StateItem.ToAppState(item) : null;
    }

    public async Task EnsureAsync(string app, string activeRegion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // No lastTransitionAt: a new item must not start a cooldown that would suppress the first failover.
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = new()
            {
                [StateItem.App] = String(app),
                [StateItem.ActiveRegion] = String(activeRegion),
                [StateItem.Phase] = Steady,
                [StateItem.Epoch] = Number(0),
                [StateItem.Attempts] = Number(0),
                [StateItem.CompletedSteps] = StringList([]),
                [StateItem.CreatedAt] = Millis(now),
            },
            ConditionExpression = "attribute_not_exists(app)",
        };

        try
        {
            await Client.PutItemAsync(request, cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // The item exists already: nothing to do.
        }
    }

    public async Task<AppState?> TryAcquireAsync(AcquireRequest request, CancellationToken cancellationToken)
    {
        // Why two conditional UpdateItems: a fresh start and a takeover write different things (a new executionId,
        // attempts = 1 and an empty checkpoint, versus the same executionId, attempts + 1 and the checkpoint kept), and
        // an UpdateExpression cannot branch on which half of an OR condition held. A single expression could only get
        // there with if_not_exists tricks that rely on every Steady item having had executionId and completedSteps
        // removed, an invariant a manual edit would silently break. Each attempt is atomic and conditioned on its own,
        // so at most one of them succeeds for a given item state, and any winner raises the epoch, which fences out
        // every other holder. The fresh start goes first because it is the common case (a new alarm); the takeover
        // costs one extra round trip and only happens on a retry or behind a contender that already won.
        return await TryStartFreshAsync(request, cancellationToken)
            ?? await TryTakeOverAsync(request, cancellationToken);
    }

    public Task<AppState?> TryResumeFailedAsync(string app, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        TryUpdateAsync(
            app,
            "#phase = :failed AND failedPhase IN (:over, :back)",
            "SET #phase = failedPhase, epoch = epoch + :one, attempts = :one, leaseExpiresAt = :lease REMOVE failedPhase",
            new() { [":failed"] = Failed, [":over"] = FailingOver, [":back"] = FailingBack, [":one"] = Number(1), [":lease"] = Millis(now + lease) },
            cancellationToken);

    public async Task CheckpointAsync(string app, long epoch, string completedStep, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken)
    {
        // NOT contains(...) keeps the checkpoint free of duplicates when the SDK retries a write that had in fact been
        // applied; the re-read below then tells such a retry (same epoch, step present) from a lost lease.
        var appended = await TryFencedUpdateAsync(
            app,
            epoch,
            "NOT contains(completedSteps, :step)",
            "SET completedSteps = list_append(if_not_exists(completedSteps, :noSteps), :steps), leaseExpiresAt = :lease",
            new()
            {
                [":step"] = String(completedStep),
                [":steps"] = StringList([completedStep]),
                [":noSteps"] = StringList([]),
                [":lease"] = Millis(leaseExpiresAt),
            },
            cancellationToken);

        if (!appended)
        {
            await ThrowUnlessAppliedAsync(app, epoch, state => state.CompletedSteps.Contains(completedStep, StringComparer.Ordinal), cancellationToken);
            await FencedUpdateAsync(app, epoch, "SET leaseExpiresAt = :lease", new() { [":lease"] = Millis(leaseExpiresAt) }, cancellationToken);
        }
    }

    public Task CommitAsync(string app, long epoch, string activeRegion, DateTimeOffset now, CancellationToken cancellationToken) =>
        FencedUpdateAsync(
            app,
            epoch,
            "SET #phase = :steady, activeRegion = :region, lastTransitionAt = :now, lastSwitchStartedAt = if_not_exists(startedAt, :now) REMOVE leaseExpiresAt, targetRegion, failedPhase, lastError, dnsChangeId, pageMessageId",
            new()
            {
                [":steady"] = Steady,
                [":region"] = String(activeRegion),
                [":now"] = Millis(now),
            },
            cancellationToken);

    public async Task RecordFailureAsync(string app, long epoch, string error, bool terminal, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!terminal)
        {
            // Releasing the lease (expiry = now) lets Lambda's retry take over at once instead of waiting it out.
            await FencedUpdateAsync(app, epoch, "SET lastError = :error, leaseExpiresAt = :now", new() { [":error"] = String(SafeText.ForHumans(error)), [":now"] = Millis(now) }, cancellationToken);
            return;
        }

        // failedPhase copies the phase being left, so the guard on the phase stops a retried write (already Failed) from
        // overwriting it with "Failed"; the re-read then recognises that retry as done.
        var failed = await TryFencedUpdateAsync(
            app,
            epoch,
            "#phase IN (:over, :back)",
            "SET failedPhase = #phase, #phase = :failed, lastError = :error REMOVE leaseExpiresAt",
            new()
            {
                [":over"] = FailingOver,
                [":back"] = FailingBack,
                [":failed"] = Failed,
                [":error"] = String(SafeText.ForHumans(error)),
            },
            cancellationToken);

        if (!failed)
        {
            await ThrowUnlessAppliedAsync(app, epoch, state => state.Phase == Phase.Failed, cancellationToken);
        }
    }

    public Task AbandonAsync(string app, long epoch, string reason, DateTimeOffset now, CancellationToken cancellationToken) =>
        // activeRegion stays the source and lastTransitionAt is untouched: nothing moved, so no cooldown starts.
        FencedUpdateAsync(
            app,
            epoch,
            "SET #phase = :steady, lastError = :reason REMOVE leaseExpiresAt, targetRegion, dnsChangeId, pageMessageId",
            new() { [":steady"] = Steady, [":reason"] = String(SafeText.ForHumans(reason)) },
            cancellationToken);

    public Task RenewAsync(string app, long epoch, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken) =>
        // The phase guard keeps a renewal from giving a lease to an execution that has already ended at this epoch.
        GuardedFencedUpdateAsync(
            app,
            epoch,
            "#phase IN (:over, :back)",
            "SET leaseExpiresAt = :lease",
            new() { [":over"] = FailingOver, [":back"] = FailingBack, [":lease"] = Millis(leaseExpiresAt) },
            cancellationToken);

    public Task RecordExecutionValueAsync(string app, long epoch, string attribute, string value, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken)
    {
        if (attribute is not (StateItem.DnsChangeId or StateItem.PageMessageId))
        {
            throw new ArgumentOutOfRangeException(nameof(attribute), attribute, "Only the execution's DNS change and page are recorded this way.");
        }

        return GuardedFencedUpdateAsync(
            app,
            epoch,
            "#phase IN (:over, :back)",
            $"SET {attribute} = :value, leaseExpiresAt = :lease",
            new() { [":over"] = FailingOver, [":back"] = FailingBack, [":value"] = String(value), [":lease"] = Millis(leaseExpiresAt) },
            cancellationToken);
    }

    public async Task<bool> TryClaimSuppressedPageAsync(string app, DateTimeOffset lastTransitionAt, CancellationToken cancellationToken) =>
        // One Suppressed page per cooldown window, named by the switch that started it: the first contender claims it.
        await TryUpdateAsync(
            app,
            "lastTransitionAt = :window AND (attribute_not_exists(suppressedPagedFor) OR suppressedPagedFor <> :window)",
            "SET suppressedPagedFor = :window",
            new() { [":window"] = Millis(lastTransitionAt) },
            cancellationToken) is not null;

    public async Task<bool> ResetAsync(string app, string activeRegion, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The epoch is raised so that a slow holder of the reset execution (lease expired but still running) is fenced
        // out: without it, its next checkpoint or commit would pass "epoch = :epoch" and undo the reset.
        var state = await TryUpdateAsync(
            app,
            "#phase = :failed OR (#phase IN (:over, :back) AND leaseExpiresAt <= :now)",
            "SET #phase = :steady, activeRegion = :region, lastTransitionAt = :now, lastSwitchStartedAt = :now, epoch = epoch + :one REMOVE leaseExpiresAt, targetRegion, failedPhase, dnsChangeId, pageMessageId",
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
            cancellationToken);
        return state is not null;
    }

    private Task<AppState?> TryStartFreshAsync(AcquireRequest request, CancellationToken cancellationToken)
    {
        var condition = "#phase = :steady AND activeRegion = :source AND (attribute_not_exists(lastTriggerKey) OR lastTriggerKey <> :key) AND NOT contains(recentTriggerKeys, :key)";
        var values = new Dictionary<string, AttributeValue>
        {
            [":steady"] = Steady,
            [":source"] = String(request.SourceRegion),
            [":key"] = String(request.TriggerKey),
            [":phase"] = String(request.Phase.ToString()),
            [":target"] = String(request.TargetRegion),
            [":executionId"] = String(request.ExecutionId),
            [":zero"] = Number(0),
            [":one"] = Number(1),
            [":noSteps"] = StringList([]),
            [":lease"] = Millis(request.Now + request.Lease),
            [":startedAt"] = Millis(request.Now),
        };
        var update = "SET #phase = :phase, targetRegion = :target, executionId = :executionId, holder = :executionId, epoch = if_not_exists(epoch, :zero) + :one, "
            + "attempts = :one, completedSteps = :noSteps, leaseExpiresAt = :lease, lastTriggerKey = :key, startedAt = :startedAt";

        // A zero cooldown (operator commands) leaves the clause out rather than comparing with :now, which a
        // lastTransitionAt written by a clock slightly ahead would fail.
        if (request.Cooldown > TimeSpan.Zero)
        {
            condition += " AND (attribute_not_exists(lastTransitionAt) OR lastTransitionAt <= :quietSince)";
            values[":quietSince"] = Millis(request.Now - request.Cooldown);
        }

        if (request.AlarmChangedAt is { } changedAt)
        {
            // A transition from before the last switch started is a late redelivery of an alarm that switch already
            // answered (or that an operator overruled): it starts nothing, however long after the cooldown it arrives.
            // One that happened while the switch ran is news, and meets the cooldown instead. Items written before
            // lastSwitchStartedAt existed are judged by lastTransitionAt.
            condition += " AND (lastSwitchStartedAt < :changedAt OR (attribute_not_exists(lastSwitchStartedAt) AND (attribute_not_exists(lastTransitionAt) OR lastTransitionAt < :changedAt)))";
            values[":changedAt"] = Millis(changedAt);

            // The remembered keys are rewritten whole (pruned to their bounds), so the write is conditioned on the
            // epoch they were read at: any acquisition in between raises it and this start is retried on a fresh read.
            condition += " AND epoch = :seenEpoch";
            values[":seenEpoch"] = Number(request.SeenEpoch);
            values[":recent"] = StringList(request.RecentTriggerKeys);
            update += ", recentTriggerKeys = :recent";
        }

        return TryUpdateAsync(request.App, condition, update + " REMOVE failedPhase, lastError, dnsChangeId, pageMessageId", values, cancellationToken);
    }

    private Task<AppState?> TryTakeOverAsync(AcquireRequest request, CancellationToken cancellationToken) =>
        TryUpdateAsync(
            request.App,

            // The lease counts as expired from the instant it names (live while now < leaseExpiresAt), so a lease
            // released by RecordFailureAsync at "now" can be taken over by a retry in the same millisecond.
            "#phase = :phase AND targetRegion = :target AND leaseExpiresAt <= :now",
            "SET epoch = epoch + :one, attempts = attempts + :one, leaseExpiresAt = :lease, holder = :holder",
            new()
            {
                [":holder"] = String(request.ExecutionId),
                [":phase"] = String(request.Phase.ToString()),
                [":target"] = String(request.TargetRegion),
                [":now"] = Millis(request.Now),
                [":one"] = Number(1),
                [":lease"] = Millis(request.Now + request.Lease),
            },
            cancellationToken);

    private Task FencedUpdateAsync(string app, long epoch, string update, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken) =>
        GuardedFencedUpdateAsync(app, epoch, guard: null, update, values, cancellationToken);

    private async Task GuardedFencedUpdateAsync(string app, long epoch, string? guard, string update, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken)
    {
        if (!await TryFencedUpdateAsync(app, epoch, guard, update, values, cancellationToken))
        {
            throw new LeaseLostException(app, epoch);
        }
    }

    /// <summary>An update conditioned on <c>epoch = :epoch</c> (and <paramref name="guard"/>); false when the condition failed.</summary>
    private async Task<bool> TryFencedUpdateAsync(string app, long epoch, string? guard, string update, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken)
    {
        values[":epoch"] = Number(epoch);
        var condition = guard is null ? "epoch = :epoch" : $"epoch = :epoch AND {guard}";
        return await TryUpdateAsync(app, condition, update, values, cancellationToken) is not null;
    }

    /// <summary>One conditional UpdateItem returning ALL_NEW; null when the condition failed.</summary>
    private async Task<AppState?> TryUpdateAsync(string app, string condition, string update, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken)
    {
        var request = new UpdateItemRequest
        {
            TableName = tableName,
            Key = StateItem.Key(app),
            ConditionExpression = condition,
            UpdateExpression = update,
            ExpressionAttributeValues = values,
            ReturnValues = ReturnValue.ALL_NEW,
        };

        // Names that an expression does not use are refused, like unused values.
        if (condition.Contains("#phase", StringComparison.Ordinal) || update.Contains("#phase", StringComparison.Ordinal))
        {
            request.ExpressionAttributeNames = PhaseName;
        }

        try
        {
            var response = await Client.UpdateItemAsync(request, cancellationToken);
            return StateItem.ToAppState(response.Attributes);
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>After a guarded fenced write failed: returns when the item shows the write already applied at the same epoch, else throws <see cref="LeaseLostException"/>.</summary>
    private async Task ThrowUnlessAppliedAsync(string app, long epoch, Func<AppState, bool> applied, CancellationToken cancellationToken)
    {
        var state = await GetAsync(app, cancellationToken);
        if (state is null || state.Epoch != epoch || !applied(state))
        {
            throw new LeaseLostException(app, epoch);
        }
    }
}
