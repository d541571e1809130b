using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.State;
using static FailoverOrchestrator.Aws.DynamoDb.DynamoValues;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>
/// The two conditional UpdateItems that take the lease. Why two: a fresh start and a takeover write different things
/// (a new executionId, attempts = 1 and an empty checkpoint, versus the same executionId, attempts + 1 and the
/// checkpoint kept), and an UpdateExpression cannot branch on which half of an OR condition held. A single expression
/// could only get there with if_not_exists tricks that rely on every Steady item having had executionId and
/// completedSteps removed, an invariant a manual edit would silently break. Each attempt is atomic and conditioned on
/// its own, so at most one of them succeeds for a given item state, and any winner raises the epoch, which fences out
/// every other holder.
/// </summary>
internal static class AcquireUpdates
{
    public static StateUpdate FreshStart(AcquireRequest request)
    {
        var condition = "#phase = :steady AND #activeRegion = :source AND (attribute_not_exists(#lastTriggerKey) OR #lastTriggerKey <> "
            + ":key) AND NOT contains(#recentTriggerKeys, :key)";
        var values = new Dictionary<string, AttributeValue>
        {
            [":steady"] = PhaseValues.Steady,
            [":source"] = String(request.SourceRegion),
            [":key"] = String(request.TriggerKey),
            [":phase"] = PhaseValues.Of(request.Phase),
            [":target"] = String(request.TargetRegion),
            [":executionId"] = String(request.ExecutionId),
            [":zero"] = Number(0),
            [":one"] = Number(1),
            [":noSteps"] = StringList([]),
            [":lease"] = Millis(request.Now + request.Lease),
            [":startedAt"] = Millis(request.Now),
        };
        var update = "SET #phase = :phase, #targetRegion = :target, #executionId = :executionId, #holder = :executionId, #epoch = "
            + "if_not_exists(#epoch, :zero) + :one, "
            + "#attempts = :one, #completedSteps = :noSteps, #leaseExpiresAt = :lease, #lastTriggerKey = :key, #startedAt = :startedAt";

        // A zero cooldown (operator commands) leaves the clause out rather than comparing with :now, which a
        // lastTransitionAt written by a clock slightly ahead would fail.
        if (request.Cooldown > TimeSpan.Zero)
        {
            condition += " AND (attribute_not_exists(#lastTransitionAt) OR #lastTransitionAt <= :quietSince)";
            values[":quietSince"] = Millis(request.Now - request.Cooldown);
        }

        if (request.AlarmChangedAt is { } changedAt)
        {
            (condition, update) = ForAlarm(condition, update, values, request, changedAt);
        }

        return new(condition, update + " REMOVE #failedPhase, #lastError, #dnsChangeId, #pageMessageId", values);
    }

    /// <summary>The lease counts as expired from the instant it names (live while now &lt; leaseExpiresAt), so a lease released by a
    /// recorded failure at "now" can be taken over by a retry in the same millisecond.</summary>
    public static StateUpdate TakeOver(AcquireRequest request) => new(
        "#phase = :phase AND #targetRegion = :target AND #leaseExpiresAt <= :now",
        "SET #epoch = #epoch + :one, #attempts = #attempts + :one, #leaseExpiresAt = :lease, #holder = :holder",
        new()
        {
            [":holder"] = String(request.ExecutionId),
            [":phase"] = PhaseValues.Of(request.Phase),
            [":target"] = String(request.TargetRegion),
            [":now"] = Millis(request.Now),
            [":one"] = Number(1),
            [":lease"] = Millis(request.Now + request.Lease),
        });

    private static (string Condition, string Update) ForAlarm(string condition, string update, Dictionary<string, AttributeValue> values,
        AcquireRequest request, DateTimeOffset changedAt)
    {
        // A transition from before the last switch started is a late redelivery of an alarm that switch already
        // answered (or that an operator overruled): it starts nothing, however long after the cooldown it arrives.
        // One that happened while the switch ran is news, and meets the cooldown instead. Items written before
        // lastSwitchStartedAt existed are judged by lastTransitionAt.
        condition += " AND (#lastSwitchStartedAt < :changedAt OR (attribute_not_exists(#lastSwitchStartedAt) AND "
            + "(attribute_not_exists(#lastTransitionAt) OR #lastTransitionAt < :changedAt)))";
        values[":changedAt"] = Millis(changedAt);

        // The remembered keys are rewritten whole (pruned to their bounds), so the write is conditioned on the
        // epoch they were read at: any acquisition in between raises it and this start is retried on a fresh read.
        condition += " AND #epoch = :seenEpoch";
        values[":seenEpoch"] = Number(request.SeenEpoch);
        values[":recent"] = StringList(request.RecentTriggerKeys);
        return (condition, update + ", #recentTriggerKeys = :recent");
    }
}
