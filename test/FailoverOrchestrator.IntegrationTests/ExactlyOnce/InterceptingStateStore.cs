using System.Diagnostics;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>
/// The real state store with seams around the checkpoint of each step, where a test crashes or pauses the holder,
/// and a stopwatch on the acquire.
/// </summary>
internal sealed class InterceptingStateStore(IStateStore inner) : IStateStore
{
    /// <summary>Runs before the checkpoint write of the named step (a holder paused here has done the step but not recorded it).</summary>
    public Func<string, Task>? BeforeCheckpoint { get; init; }

    /// <summary>Runs after the checkpoint write of the named step succeeded (a crash here leaves the step recorded and the lease
    /// held).</summary>
    public Func<string, Task>? AfterCheckpoint { get; init; }

    /// <summary>Runs before each fenced lease renewal (a holder paused here is about to re-check its lease before a step or a
    /// change).</summary>
    public Func<Task>? BeforeRenew { get; init; }

    /// <summary>Runs before the write that records a failed attempt (a failing state table throws here).</summary>
    public Func<Task>? BeforeRecordFailure { get; init; }

    /// <summary>Runs before a value a retry needs (DNS change id, page id) is recorded, with the attribute and the value.</summary>
    public Func<ExecutionValue, string, Task>? BeforeRecordExecutionValue { get; init; }

    /// <summary>Runs before each attempt to take the lease (a failing state table throws here).</summary>
    public Func<Task>? BeforeAcquire { get; init; }

    /// <summary>How long the last <see cref="TryAcquireAsync"/> took: one or two conditional UpdateItems.</summary>
    public TimeSpan LastAcquireLatency { get; private set; }

    public Task<AppState?> GetAsync(string app, CancellationToken cancellationToken) => inner.GetAsync(app, cancellationToken);

    public Task EnsureAsync(string app, string activeRegion, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.EnsureAsync(app, activeRegion, now, cancellationToken);

    public async Task<AppState?> TryAcquireAsync(AcquireRequest request, CancellationToken cancellationToken)
    {
        if (BeforeAcquire is not null)
        {
            await BeforeAcquire();
        }

        var started = Stopwatch.GetTimestamp();
        var state = await inner.TryAcquireAsync(request, cancellationToken);
        LastAcquireLatency = Stopwatch.GetElapsedTime(started);
        return state;
    }

    public Task<AppState?> TryResumeFailedAsync(string app, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken) =>
        inner.TryResumeFailedAsync(app, now, lease, cancellationToken);

    public async Task CheckpointAsync(string app, long epoch, string completedStep, DateTimeOffset leaseExpiresAt,
        CancellationToken cancellationToken)
    {
        if (BeforeCheckpoint is not null)
        {
            await BeforeCheckpoint(completedStep);
        }

        await inner.CheckpointAsync(app, epoch, completedStep, leaseExpiresAt, cancellationToken);
        if (AfterCheckpoint is not null)
        {
            await AfterCheckpoint(completedStep);
        }
    }

    public Task CommitAsync(string app, long epoch, string activeRegion, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.CommitAsync(app, epoch, activeRegion, now, cancellationToken);

    public async Task RecordFailureAsync(string app, long epoch, string error, bool terminal, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        if (BeforeRecordFailure is not null)
        {
            await BeforeRecordFailure();
        }

        await inner.RecordFailureAsync(app, epoch, error, terminal, now, cancellationToken);
    }

    public async Task RenewAsync(string app, long epoch, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken)
    {
        if (BeforeRenew is not null)
        {
            await BeforeRenew();
        }

        await inner.RenewAsync(app, epoch, leaseExpiresAt, cancellationToken);
    }

    public async Task RecordExecutionValueAsync(string app, long epoch, ExecutionValue attribute, string value,
        DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken)
    {
        if (BeforeRecordExecutionValue is not null)
        {
            await BeforeRecordExecutionValue(attribute, value);
        }

        await inner.RecordExecutionValueAsync(app, epoch, attribute, value, leaseExpiresAt, cancellationToken);
    }

    public Task<bool> TryClaimSuppressedPageAsync(string app, DateTimeOffset lastTransitionAt, CancellationToken cancellationToken) =>
        inner.TryClaimSuppressedPageAsync(app, lastTransitionAt, cancellationToken);

    public Task AbandonAsync(string app, long epoch, string reason, CancellationToken cancellationToken) =>
        inner.AbandonAsync(app, epoch, reason, cancellationToken);

    public Task<bool> ResetAsync(string app, string activeRegion, DateTimeOffset now, CancellationToken cancellationToken) =>
        inner.ResetAsync(app, activeRegion, now, cancellationToken);
}
