using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Pipeline;

namespace FailoverOrchestrator.Steps;

/// <summary>
/// After traffic has moved, returns the region it left to its standby counts (failback only, when
/// <c>ScaleDownAfterFailback</c> is set). Does not wait: the region no longer serves traffic.
/// </summary>
internal sealed class EcsScaleDownStep(IEcsClient ecs, TimeProvider time) : IFailoverStep
{
    public string Name => StepNames.EcsScaleDown;

    public Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken) =>
        EcsScaling.ScaleAsync(ecs, time, Name, context, context.SourceRegion, s => s.StandbyDesiredCount, waitForRunning: false,
            cancellationToken);

    public Task<StepOutcome> PlanAsync(StepContext context, CancellationToken cancellationToken) =>
        Task.FromResult(EcsScaling.Plan(context, context.SourceRegion, s => s.StandbyDesiredCount, waitForRunning: false));
}
