namespace FailoverOrchestrator.State;

/// <summary>The standby-readiness part of the state item: read with the item, written on its own without touching the lease.</summary>
internal interface IReadinessStore
{
    /// <summary>
    /// Writes <paramref name="next"/> if the item still holds <paramref name="seenChanges"/> changes; false when another run wrote first.
    /// </summary>
    Task<bool> TrySaveAsync(string app, long seenChanges, ReadinessRecord next, CancellationToken cancellationToken);
}
