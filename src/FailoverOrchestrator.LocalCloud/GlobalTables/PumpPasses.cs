namespace FailoverOrchestrator.LocalCloud.GlobalTables;

/// <summary>The replicator's pump passes, as tasks: each pass completes the one under way and starts the next.</summary>
internal sealed class PumpPasses
{
    private TaskCompletionSource _current = New();

    /// <summary>Called by the pump at the end of each pass.</summary>
    public void Completed() => Interlocked.Exchange(ref _current, New()).TrySetResult();

    /// <summary>Completes once a whole pass that began after this call has ended.</summary>
    public async Task WholePassAsync(CancellationToken cancellationToken)
    {
        // The pass under way may have begun before the call; the one after it began after.
        await Volatile.Read(ref _current).Task.WaitAsync(cancellationToken);
        await Volatile.Read(ref _current).Task.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
