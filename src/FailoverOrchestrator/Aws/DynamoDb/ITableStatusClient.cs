namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>Reads a DynamoDB table's status in one region (DescribeTable), for preflight.</summary>
internal interface ITableStatusClient
{
    /// <summary>The table's status in <paramref name="region"/> (ACTIVE, UPDATING, ...), or null when it does not exist there.</summary>
    Task<string?> GetTableStatusAsync(string region, string tableName, CancellationToken cancellationToken);
}
