using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Coordination.Execution;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Coordination.Acquisition;

/// <summary>What a trigger asks of the state item when it tries to take the lease.</summary>
internal static class AcquireRequests
{
    public static AcquireRequest For(FailoverTrigger trigger, AppOptions app, SwitchDirection direction, DateTimeOffset now, AppState? seen)
    {
        var (source, target) = direction == SwitchDirection.Failover
            ? (app.PrimaryRegion, app.StandbyRegion) : (app.StandbyRegion, app.PrimaryRegion);
        var request = new AcquireRequest
        {
            App = app.Name,
            ExecutionId = ExecutionIds.Next(app.Name, now),
            SourceRegion = source,
            TargetRegion = target,
            Phase = direction == SwitchDirection.Failover ? Phase.FailingOver : Phase.FailingBack,
            TriggerKey = trigger.IdempotencyKey,
            Now = now,
            Lease = TimeSpan.FromSeconds(app.LeaseSeconds),

            // Flap protection is for alarms; an operator's confirmed command is deliberate.
            Cooldown = trigger.IsAlarm ? TimeSpan.FromSeconds(app.CooldownSeconds) : TimeSpan.Zero,
            AlarmChangedAt = trigger.IsAlarm ? trigger.StateChangedAt : null,
        };
        return Remembering(request, seen);
    }

    /// <summary>The request with the epoch it was read at and, for an alarm, the bounded list of remembered keys with its own
    /// first.</summary>
    public static AcquireRequest Remembering(AcquireRequest request, AppState? seen) => request with
    {
        SeenEpoch = seen?.Epoch ?? 0,
        RecentTriggerKeys = request.AlarmChangedAt is null
            ? [] : TriggerMemory.Next(seen?.RecentTriggerKeys ?? [], request.TriggerKey, request.Now, seen?.AnsweredUntil),
    };
}
