using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Coordination.Execution;

/// <summary>Audits every step and checkpoints each completed one, fenced by the holder's epoch, renewing the lease.</summary>
internal sealed class CheckpointingObserver(IStateStore store, ExecutionAudit audit, string app, TimeSpan lease,
    TimeProvider time) : IPipelineObserver
{
    public Task StepStartingAsync(string step, CancellationToken cancellationToken) =>
        audit.AppendAsync("StepStarted", null, cancellationToken, step);

    public async Task StepCompletedAsync(StepResult result, CancellationToken cancellationToken)
    {
        // Audit first: the step's effects happened even if the checkpoint below finds the lease lost.
        await audit.AppendAsync(result.Status == StepStatus.Succeeded ? "StepSucceeded" : $"Step{result.Status}", result.Detail,
            cancellationToken, result.Name, result.DurationMs);
        await store.CheckpointAsync(app, audit.Epoch, result.Name, time.GetUtcNow() + lease, cancellationToken);
    }

    public Task StepFailedAsync(StepResult result, Exception error, CancellationToken cancellationToken) =>
        audit.AppendAsync("StepFailed", error.Message, cancellationToken, result.Name, result.DurationMs);
}
