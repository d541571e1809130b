namespace FailoverOrchestrator.State;

/// <summary>The watch's part of the state item: read with the item, written on its own without touching the lease.</summary>
internal interface IWatchStore
{
    /// <summary>Writes <paramref name="next"/> if the item still holds <paramref name="seenRuns"/> runs; false when another run wrote
    /// first.</summary>
    Task<bool> TrySaveAsync(string app, long seenRuns, WatchRecord next, CancellationToken cancellationToken);
}
