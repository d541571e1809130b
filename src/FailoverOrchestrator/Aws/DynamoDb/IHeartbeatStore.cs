namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>The heartbeat item (<c>pk</c> = the reserved key) in one region's replica of a global table.</summary>
internal interface IHeartbeatStore
{
    /// <summary>Writes the next heartbeat in <paramref name="region"/>'s replica (sequence raised by one) and returns it.</summary>
    Task<Heartbeat> WriteAsync(string region, string tableName, string key, CancellationToken cancellationToken);

    /// <summary>Reads the heartbeat in <paramref name="region"/>'s replica with a consistent read; null when there is none.</summary>
    Task<Heartbeat?> ReadAsync(string region, string tableName, string key, CancellationToken cancellationToken);
}
