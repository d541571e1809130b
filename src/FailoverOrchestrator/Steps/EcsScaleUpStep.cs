using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;

namespace FailoverOrchestrator.Steps;

/// <summary>
/// Raises the target region's services to their active desired count, then waits until the configured share of
/// each is running. Safe to run again: a service already at its count is not updated.
/// </summary>
internal sealed class EcsScaleUpStep(IEcsClient ecs, TimeProvider time) : IFailoverStep
{
    public string Name => StepNames.EcsScaleUp;

    public Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken) =>
        EcsScaling.ScaleAsync(ecs, time, Name, context, context.TargetRegion, s => s.ActiveDesiredCount, waitForRunning: true,
            cancellationToken);

    public Task<StepOutcome> PlanAsync(StepContext context, CancellationToken cancellationToken) =>
        Task.FromResult(EcsScaling.Plan(context, context.TargetRegion, s => s.ActiveDesiredCount, waitForRunning: true));
}
