using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Coordination.Execution;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Triggers;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Coordination;

/// <summary>
/// Answers <c>plan</c> and <c>dryRun</c>: runs preflight for real and lists the calls every step would make, with
/// their parameters. Changes nothing; writes only an audit entry.
/// </summary>
internal sealed class SwitchPlanner(IStateStore store, IAuditLog auditLog, SwitchPipeline pipeline, TimeProvider time,
    ILogger<SwitchPlanner> logger)
{
    public async Task<FailoverResult> PlanAsync(FailoverTrigger trigger, AppOptions app, CancellationToken cancellationToken)
    {
        var state = await store.GetAsync(app.Name, cancellationToken);
        var active = state?.ActiveRegion ?? app.PrimaryRegion;
        var direction = trigger.Command switch
        {
            TriggerCommand.Failover => SwitchDirection.Failover,
            TriggerCommand.Failback => SwitchDirection.Failback,
            _ => active == app.PrimaryRegion ? SwitchDirection.Failover : SwitchDirection.Failback,
        };
        var (source, target) = direction == SwitchDirection.Failover
            ? (app.PrimaryRegion, app.StandbyRegion) : (app.StandbyRegion, app.PrimaryRegion);
        var now = time.GetUtcNow();
        var executionId = "plan-" + ExecutionIds.Next(app.Name, now);
        var context = new StepContext
        {
            App = app,
            ExecutionId = executionId,
            Epoch = (state?.Epoch ?? 0) + 1,
            Direction = direction,
            SourceRegion = source,
            TargetRegion = target,
            Reason = trigger.Reason ?? $"dry run of {direction.ToString().ToLowerInvariant()}",
            AcceptDataLossSeconds = trigger.AcceptDataLossSeconds,
        };

        var notes = new List<string>();
        if (state is { Phase: not Phase.Steady })
        {
            notes.Add(
                $"the app is {state.Phase} (execution {state.ExecutionId}); a {direction.ToString().ToLowerInvariant()} now would answer "
                + $"InProgressElsewhere or Blocked");
        }
        else if (active == target)
        {
            notes.Add($"{target} is already active; a {direction.ToString().ToLowerInvariant()} now would answer AlreadyInTargetState");
        }

        var run = await pipeline.PlanAsync(context, cancellationToken);
        if (run.Blocked)
        {
            notes.Add($"preflight would block: {run.BlockedReason}");
        }

        var reason = $"dry run of {direction.ToString().ToLowerInvariant()} {source} -> {target}: nothing was changed"
            + (notes.Count > 0 ? "; " + string.Join("; ", notes) : string.Empty);
        var audit = new ExecutionAudit(auditLog, app.Name, executionId, context.Epoch, time, logger);
        await audit.AppendAsync("Planned", reason, cancellationToken);
        return new FailoverResult
        {
            Outcome = Outcome.Planned,
            App = app.Name,
            ExecutionId = executionId,
            ActiveRegion = active,
            TargetRegion = target,
            Steps = context.Timeline.ToList(),
            Reason = reason,
            Rpo = context.Rpo ?? Replication.RpoNotMeasured.For(context, now),
        };
    }
}
