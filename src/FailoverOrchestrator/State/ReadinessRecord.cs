namespace FailoverOrchestrator.State;

/// <summary>What the watch last found about the standby's readiness, in the app's state item (attributes <c>readiness*</c>).</summary>
internal sealed record ReadinessRecord
{
    /// <summary>Whether a failover could run now: preflight against the standby found nothing wrong.</summary>
    public bool Ready { get; init; }

    /// <summary>The run that first found the current verdict.</summary>
    public DateTimeOffset Since { get; init; }

    /// <summary>What is wrong (empty when ready), as preflight words it.</summary>
    public IReadOnlyList<string> Reasons { get; init; } = [];

    /// <summary>How many times the record was written; each write is conditioned on the count it read.</summary>
    public long Changes { get; init; }
}
