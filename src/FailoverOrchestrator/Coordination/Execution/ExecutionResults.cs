using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Replication;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Coordination.Execution;

/// <summary>The result of an execution, with its step timeline.</summary>
internal static class ExecutionResults
{
    public static FailoverResult Of(Outcome outcome, StepContext context, string? active, string reason) => new()
    {
        Outcome = outcome,
        App = context.App.Name,
        ExecutionId = context.ExecutionId,
        ActiveRegion = active,
        TargetRegion = context.TargetRegion,
        Steps = context.Timeline.ToList(),
        Reason = reason,
        Rpo = context.Rpo ?? RpoNotMeasured.For(context, context.StartedAt),
    };
}
