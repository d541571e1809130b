namespace FailoverOrchestrator.State;

/// <summary>
/// The per-app state item and its conditional transitions. Every write after acquisition is conditioned on the
/// holder's epoch; a failed condition throws <see cref="LeaseLostException"/> so the holder stops before its next call.
/// </summary>
internal interface IStateStore
{
    /// <summary>Reads the item with a consistent read; null when the app has no item yet.</summary>
    Task<AppState?> GetAsync(string app, CancellationToken cancellationToken);

    /// <summary>Creates the Steady item in <paramref name="activeRegion"/> if the app has none (no-op otherwise).</summary>
    Task EnsureAsync(string app, string activeRegion, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// A conditional UpdateItem that starts a new execution (Steady in the source region, outside the cooldown, a trigger
    /// key other than the last one), else one that takes over the same execution whose lease has expired, keeping its
    /// checkpoint and counting the attempt. Returns the state as this holder now owns it, or null when both conditions failed.
    /// </summary>
    Task<AppState?> TryAcquireAsync(AcquireRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// Resumes a Failed execution (operator <c>resume</c>): Failed → its former phase with a new epoch, a fresh lease and
    /// attempts reset, keeping the checkpoint. Returns null when the item is not Failed.
    /// </summary>
    Task<AppState?> TryResumeFailedAsync(string app, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken);

    /// <summary>Records a completed step and renews the lease; conditioned on <paramref name="epoch"/>.</summary>
    Task CheckpointAsync(string app, long epoch, string completedStep, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken);

    /// <summary>Renews the lease of the execution in progress; conditioned on <paramref name="epoch"/> (throws
    /// <see cref="LeaseLostException"/>).</summary>
    Task RenewAsync(string app, long epoch, DateTimeOffset leaseExpiresAt, CancellationToken cancellationToken);

    /// <summary>
    /// Records what a retry of the execution must know (<paramref name="kind"/>) and renews the lease; conditioned on
    /// <paramref name="epoch"/>.
    /// </summary>
    Task RecordExecutionValueAsync(string app, long epoch, ExecutionValue kind, string value, DateTimeOffset leaseExpiresAt,
        CancellationToken cancellationToken);

    /// <summary>
    /// Claims the one Suppressed page of the cooldown window started by the switch at <paramref name="lastTransitionAt"/>;
    /// false when another contender already claimed it (or the app switched since).
    /// </summary>
    Task<bool> TryClaimSuppressedPageAsync(string app, DateTimeOffset lastTransitionAt, CancellationToken cancellationToken);

    /// <summary>Ends the execution: Steady in <paramref name="activeRegion"/>, lease cleared; conditioned on
    /// <paramref name="epoch"/>.</summary>
    Task CommitAsync(string app, long epoch, string activeRegion, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Records a failed attempt: keeps the phase (so a retry may take over once the lease is released) and releases the
    /// lease, or, when <paramref name="terminal"/>, moves to Failed; conditioned on <paramref name="epoch"/>.
    /// </summary>
    Task RecordFailureAsync(string app, long epoch, string error, bool terminal, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Ends an execution that changed nothing (Blocked by preflight): back to Steady in the source region without
    /// starting a cooldown; conditioned on <paramref name="epoch"/>.
    /// </summary>
    Task AbandonAsync(string app, long epoch, string reason, CancellationToken cancellationToken);

    /// <summary>
    /// Operator <c>reset</c>: a Failed item (or one whose lease expired) back to Steady in <paramref name="activeRegion"/>,
    /// raising the epoch so that a late holder of the reset execution is fenced out. Returns false when the item is
    /// Steady or holds a live lease.
    /// </summary>
    Task<bool> ResetAsync(string app, string activeRegion, DateTimeOffset now, CancellationToken cancellationToken);
}
