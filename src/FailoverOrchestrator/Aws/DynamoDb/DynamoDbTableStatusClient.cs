using Amazon.DynamoDBv2.Model;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>Reads a table's status with DescribeTable in the region asked for.</summary>
internal sealed class DynamoDbTableStatusClient(IDynamoDbClientFactory clients) : ITableStatusClient
{
    public async Task<string?> GetTableStatusAsync(string region, string tableName, CancellationToken cancellationToken)
    {
        var request = new DescribeTableRequest { TableName = tableName };
        return await DynamoDbCalls.RunAsync("DescribeTable", async () =>
        {
            try
            {
                var response = await clients.GetClient(region).DescribeTableAsync(request, cancellationToken);
                return response.Table?.TableStatus?.Value;
            }
            catch (ResourceNotFoundException)
            {
                return null;
            }
        });
    }
}
