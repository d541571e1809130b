using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Replication;

/// <summary>The RPO of a result whose preflight did not measure it in this invocation, saying why.</summary>
internal static class RpoNotMeasured
{
    public static RpoEstimate For(StepContext context, DateTimeOffset now)
    {
        var preflight = context.Timeline.FirstOrDefault(s => s.Name == StepNames.Preflight);
        var why = preflight switch
        {
            { Status: Results.StepStatus.SkippedCompleted } =>
                "measured by an earlier attempt of this execution (its Preflight detail in the audit trail)",
            { Status: Results.StepStatus.Blocked } => "not measured: preflight found the target not ready first",
            null => "not measured: preflight did not run",
            _ => "not measured: no heartbeat store is configured",
        };
        return RpoEstimate.NotMeasured(now, context.SourceRegion, context.TargetRegion, why);
    }
}
