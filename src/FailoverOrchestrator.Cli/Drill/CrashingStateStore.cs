using FailoverOrchestrator.Coordination;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// Lets one invocation die right after a step's checkpoint, as a process killed by the runtime would: the exception
/// escapes the handler, nothing releases the lease, and the next attempt has to take over once it expires.
/// </summary>
internal sealed class CrashingStateStore(IStateStore inner, string crashAfterStep) : IStateStore
{
    public Task<AppState?> GetAsync(string app, CancellationToken cancellationToken) => inner.GetAsync(app, cancellationToken);

    public Task EnsureAsync(string app, string activeRegion, DateTimeOffset now, CancellationToken cancellationToken) => inner.EnsureAsync(app, activeRegion, now, cancellationToken);

    public Task<AppState?> TryAcquireAsync(AcquireRequest request, CancellationToken cancellationToken) => inner.TryAcquireAsync(request, cancellationToken);

    public Task<AppState?> TryResumeFailedAsync(string app, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) => inner.TryResumeFailedAsync(app, now, lease, cancellationToken);

    public async Task CheckpointAsync(string app, long epoch, string completedStep, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken)
    {
        await inner.CheckpointAsync(app, epoch, completedStep, leaseExpiresAt, cancellationToken);
        if (completedStep == crashAfterStep)
        {
            throw new SimulatedCrashException($"the process died right after {completedStep} was checkpointed");
        }
    }

    public Task CommitAsync(string app, long epoch, string activeRegion, DateTimeOffset now, CancellationToken cancellationToken) => inner.CommitAsync(app, epoch, activeRegion, now, cancellationToken);

    public Task RecordFailureAsync(string app, long epoch, string error, bool terminal, DateTimeOffset now, CancellationToken cancellationToken) => inner.RecordFailureAsync(app, epoch, error, terminal, now, cancellationToken);

    public Task AbandonAsync(string app, long epoch, string reason, DateTimeOffset now, CancellationToken cancellationToken) => inner.AbandonAsync(app, epoch, reason, now, cancellationToken);

    public Task RenewAsync(string app, long epoch, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken) => inner.RenewAsync(app, epoch, leaseExpiresAt, cancellationToken);

    public Task RecordExecutionValueAsync(string app, long epoch, string attribute, string value, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken) =>
        inner.RecordExecutionValueAsync(app, epoch, attribute, value, leaseExpiresAt, cancellationToken);

    public Task<bool> TryClaimSuppressedPageAsync(string app, DateTimeOffset lastTransitionAt, CancellationToken cancellationToken) => inner.TryClaimSuppressedPageAsync(app, lastTransitionAt, cancellationToken);

    public Task<bool> ResetAsync(string app, string activeRegion, DateTimeOffset now, CancellationToken cancellationToken) => inner.ResetAsync(app, activeRegion, now, cancellationToken);
}
