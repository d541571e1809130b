namespace FailoverOrchestrator.Replication;

/// <summary>One global table's lag: the source's writes up to <see cref="ReplicatedUntil"/> have reached the target (null:
/// unknown).</summary>
internal sealed record TableLag(string Table, DateTimeOffset? ReplicatedUntil, bool CaughtUp, string Detail);
