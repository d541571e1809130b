namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>The control item the protected application reads to know which region may write.</summary>
internal interface IWriterControl
{
    /// <summary>The current writer region and epoch, read in <paramref name="region"/>, or null when the item does not exist.</summary>
    Task<WriterState?> ReadAsync(string region, string tableName, string key, CancellationToken cancellationToken);

    /// <summary>
    /// Writes <c>{writerRegion, epoch}</c> in <paramref name="region"/>, conditioned on the stored epoch being lower
    /// than or equal to <paramref name="epoch"/> so that a stale orchestrator cannot move the writer back, and on the
    /// item not already holding this execution's promotion of <paramref name="writerRegion"/>.
    /// Returns false when nothing was written: a newer epoch is stored, or this execution already wrote the item.
    /// </summary>
    Task<bool> PromoteAsync(string region, string tableName, string key, string writerRegion, long epoch, string executionId,
        CancellationToken cancellationToken);
}

/// <summary>The writer-control item.</summary>
internal sealed record WriterState(string WriterRegion, long Epoch, string? ExecutionId, DateTimeOffset? UpdatedAt);
