using Amazon.DynamoDBv2.Model;

namespace FailoverOrchestrator.LocalCloud.GlobalTables;

/// <summary>
/// One write to one replica on its way to another: the item as it was after the write (null for a delete), stamped
/// with the time the source replica accepted it, due at the destination after the replication delay.
/// </summary>
internal sealed record ReplicatedWrite(
    string Table,
    string KeyText,
    Dictionary<string, AttributeValue> Key,
    Dictionary<string, AttributeValue>? Item,
    string SourceRegion,
    string DestinationRegion,
    DateTimeOffset WrittenAt,
    DateTimeOffset DueAt);
