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
        var now = time.GetUtcNow();
        var context = Context(trigger, app, state, Direction(trigger, app, active), now);
        var direction = context.Direction.ToString().ToLowerInvariant();
        var notes = Notes(state, active, context);
        var run = await pipeline.PlanAsync(context, cancellationToken);
        if (run.Blocked)
        {
            notes.Add($"preflight would block: {run.BlockedReason}");
        }

        var reason = $"dry run of {direction} {context.SourceRegion} -> {context.TargetRegion}: nothing was changed"
            + (notes.Count > 0 ? "; " + string.Join("; ", notes) : string.Empty);
        var audit = new ExecutionAudit(auditLog, app.Name, context.ExecutionId, context.Epoch, time, logger);
        await audit.AppendAsync("Planned", reason, cancellationToken);
        return new FailoverResult
        {
            Outcome = Outcome.Planned,
            App = app.Name,
            ExecutionId = context.ExecutionId,
            ActiveRegion = active,
            TargetRegion = context.TargetRegion,
            Steps = context.Timeline.ToList(),
            Reason = reason,
            Rpo = context.Rpo ?? Replication.RpoNotMeasured.For(context, now),
        };
    }

    /// <summary>The direction the command names; for <c>plan</c>, away from the active region.</summary>
    private static SwitchDirection Direction(FailoverTrigger trigger, AppOptions app, string active) => trigger.Command switch
    {
        TriggerCommand.Failover => SwitchDirection.Failover,
        TriggerCommand.Failback => SwitchDirection.Failback,
        _ => active == app.PrimaryRegion ? SwitchDirection.Failover : SwitchDirection.Failback,
    };

    private static StepContext Context(FailoverTrigger trigger, AppOptions app, AppState? state, SwitchDirection direction,
        DateTimeOffset now)
    {
        var (source, target) = direction == SwitchDirection.Failover ? (app.PrimaryRegion, app.StandbyRegion) : (app.StandbyRegion,
            app.PrimaryRegion);
        return new StepContext
        {
            App = app,
            ExecutionId = "plan-" + ExecutionIds.Next(app.Name, now),
            Epoch = (state?.Epoch ?? 0) + 1,
            Direction = direction,
            SourceRegion = source,
            TargetRegion = target,
            Reason = trigger.Reason ?? $"dry run of {direction.ToString().ToLowerInvariant()}",
            AcceptDataLossSeconds = trigger.AcceptDataLossSeconds,
        };
    }

    /// <summary>What the switch itself would answer now, when that is not a switch.</summary>
    private static List<string> Notes(AppState? state, string active, StepContext context)
    {
        var direction = context.Direction.ToString().ToLowerInvariant();
        var notes = new List<string>();
        if (state is { Phase: not Phase.Steady })
        {
            notes.Add($"the app is {state.Phase} (execution {state.ExecutionId}); "
                + $"a {direction} now would answer InProgressElsewhere or Blocked");
        }
        else if (active == context.TargetRegion)
        {
            notes.Add($"{context.TargetRegion} is already active; a {direction} now would answer AlreadyInTargetState");
        }

        return notes;
    }
}
