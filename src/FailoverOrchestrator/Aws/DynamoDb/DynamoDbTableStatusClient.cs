using Amazon.DynamoDBv2.Model;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>Reads a table's status with DescribeTable in the region asked for.</summary>
internal sealed class DynamoDbTableStatusClient(IDynamoDbClientFactory clients) : ITableStatusClient
{
    public async Task<string?> GetTableStatusAsync(string region, string tableName, CancellationToken cancellationToken)
    {
        try
        {
            var response = await clients.GetClient(region)
                .DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, cancellationToken);
            return response.Table?.TableStatus?.Value;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }
}
