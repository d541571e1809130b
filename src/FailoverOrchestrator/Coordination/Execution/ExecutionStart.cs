using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Telemetry;
using FailoverOrchestrator.Triggers;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Coordination.Execution;

/// <summary>Sets up an execution once its lease is held: the steps' context, and the lifecycle events that open its audit trail.</summary>
internal static class ExecutionStart
{
    public static StepContext Context(FailoverTrigger trigger, AppOptions app, AppState state, IStateStore store, TimeProvider time)
    {
        var direction = state.Phase == Phase.FailingBack ? SwitchDirection.Failback : SwitchDirection.Failover;
        return new StepContext
        {
            App = app,
            ExecutionId = state.ExecutionId!,
            Epoch = state.Epoch,
            Direction = direction,
            SourceRegion = direction == SwitchDirection.Failover ? app.PrimaryRegion : app.StandbyRegion,
            TargetRegion = state.TargetRegion!,
            Reason = TriggerDescription.Of(trigger),
            StartedAt = time.GetUtcNow(),
            Automatic = trigger.IsAlarm,
            AcceptDataLossSeconds = trigger.AcceptDataLossSeconds,
            Lease = new ExecutionLease(store, state, TimeSpan.FromSeconds(app.LeaseSeconds), time),
        };
    }

    /// <summary>Logs and audits the trigger and whether the lease was acquired or taken over (and from which checkpoint).</summary>
    public static async Task AnnounceAsync(HeldExecution execution, ILogger logger, CancellationToken cancellationToken)
    {
        var (app, state, context) = (execution.App, execution.State, execution.Context);
        var takeover = state.Attempts > 1 || state.CompletedSteps.Count > 0;
        Log.LeaseAcquired(logger, takeover ? "taken over" : "acquired", app.Name, context.ExecutionId, state.Epoch, state.Attempts);
        await execution.Audit.AppendAsync("TriggerReceived", context.Reason, cancellationToken);
        var resuming = state.CompletedSteps.Count > 0 ? $", resuming after {string.Join(", ", state.CompletedSteps)}" : string.Empty;
        await execution.Audit.AppendAsync(
            takeover ? "LeaseTakenOver" : "LeaseAcquired",
            $"{context.Direction} {context.SourceRegion}->{context.TargetRegion}, attempt {state.Attempts} of {app.MaxAttempts}{resuming}",
            cancellationToken);
    }
}
