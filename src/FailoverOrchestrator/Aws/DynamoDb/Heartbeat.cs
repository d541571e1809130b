namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>A replication heartbeat as one replica holds it: the region that wrote it, when (by that writer's clock) and its
/// sequence.</summary>
internal sealed record Heartbeat(string Region, DateTimeOffset WrittenAt, long Sequence);
