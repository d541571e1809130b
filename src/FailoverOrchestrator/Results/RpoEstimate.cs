namespace FailoverOrchestrator.Results;

/// <summary>
/// How many seconds of writes a switch may lose: writes the source region accepted after
/// <see cref="ReplicatedUntil"/> may be missing in the target's replica. A bound, not an exact figure (see the README:
/// the heartbeat interval, clock skew and per-item replication order).
/// </summary>
public sealed record RpoEstimate
{
    /// <summary><see cref="Source"/>: the replication heartbeat's item, read in the target's replica.</summary>
    public const string Heartbeat = "heartbeat";

    /// <summary><see cref="Source"/>: CloudWatch's ReplicationLatency metric.</summary>
    public const string Metric = "metric";

    /// <summary><see cref="Source"/>: not measured (<see cref="Detail"/> says why).</summary>
    public const string Unknown = "unknown";

    /// <summary>Seconds of writes at risk at most, rounded up; null when unknown.</summary>
    public double? BoundSeconds { get; init; }

    /// <summary>When the bound was measured (the orchestrator's clock).</summary>
    public required DateTimeOffset MeasuredAt { get; init; }

    /// <summary><c>heartbeat</c>, <c>metric</c> (CloudWatch ReplicationLatency) or <c>unknown</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The region whose writes may be missing.</summary>
    public string? SourceRegion { get; init; }

    /// <summary>The region whose replica may miss them.</summary>
    public string? TargetRegion { get; init; }

    /// <summary>The source's writes up to this instant (its clock) have reached the target's replica; later ones may not have.</summary>
    public DateTimeOffset? ReplicatedUntil { get; init; }

    /// <summary>How it was measured, per table.</summary>
    public string? Detail { get; init; }

    /// <summary>An RPO that was not measured in this invocation, with why.</summary>
    public static RpoEstimate NotMeasured(DateTimeOffset now, string? sourceRegion, string? targetRegion, string why) => new()
    {
        MeasuredAt = now,
        Source = Unknown,
        SourceRegion = sourceRegion,
        TargetRegion = targetRegion,
        Detail = why,
    };

    /// <summary>Seconds of loss the operator accepted with <c>acceptDataLossSeconds</c>, when the gate was overridden.</summary>
    public int? AcceptedLossSeconds { get; init; }
}
