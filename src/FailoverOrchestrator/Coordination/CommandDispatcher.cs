using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Replication;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Coordination;

/// <summary>Sends a routed trigger to what answers it: a switch, a resume, a plan, a status, a reset, a watch run or a heartbeat.</summary>
internal sealed class CommandDispatcher(
    SwitchExecutor switches,
    SwitchPlanner plans,
    StatusReporter status,
    ResetHandler resets,
    WatchRunner watches,
    HeartbeatWriter? heartbeats = null)
{
    public Task<FailoverResult> RunAsync(FailoverTrigger trigger, AppOptions app, CancellationToken cancellationToken)
    {
        if (trigger.DryRun || trigger.Command == TriggerCommand.Plan)
        {
            return plans.PlanAsync(trigger, app, cancellationToken);
        }

        return trigger.Command switch
        {
            TriggerCommand.Failover => switches.RunAsync(trigger, app, SwitchDirection.Failover, cancellationToken),
            TriggerCommand.Failback => switches.RunAsync(trigger, app, SwitchDirection.Failback, cancellationToken),
            TriggerCommand.Resume => switches.ResumeAsync(trigger, app, cancellationToken),
            TriggerCommand.Reset => resets.ResetAsync(trigger, app, cancellationToken),
            TriggerCommand.Watch => watches.RunAsync(trigger, app, cancellationToken),
            TriggerCommand.Heartbeat when heartbeats is not null => heartbeats.WriteAsync(app, cancellationToken),
            TriggerCommand.Heartbeat =>
                Task.FromResult(FailoverResult.Rejected("heartbeat: this deployment has no heartbeat store", app.Name)),
            _ => status.ReportAsync(app, null, cancellationToken),
        };
    }
}
