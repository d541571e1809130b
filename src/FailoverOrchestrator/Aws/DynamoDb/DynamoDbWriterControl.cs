using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>
/// The writer-control item (<c>pk</c> = key; <c>writerRegion</c>, <c>epoch</c>, <c>executionId</c>, <c>updatedAt</c>)
/// in the given region's replica of the application's global table.
/// </summary>
internal sealed class DynamoDbWriterControl(IDynamoDbClientFactory clients, TimeProvider timeProvider) : IWriterControl
{
    public async Task<WriterState?> ReadAsync(string region, string tableName, string key, CancellationToken cancellationToken)
    {
        var request = new GetItemRequest
        {
            TableName = tableName,
            Key = new() { ["pk"] = new AttributeValue { S = key } },
            ConsistentRead = true,
        };
        var response = await DynamoDbCalls.RunAsync("GetItem", () => clients.GetClient(region).GetItemAsync(request, cancellationToken));

        var item = response.Item;
        if (item is null || item.Count == 0)
        {
            return null;
        }

        // An item someone wrote by hand may lack a field: that is no writer, not a crash.
        if (!item.TryGetValue("writerRegion", out var writer) || writer.S is null ||
            !item.TryGetValue("epoch", out var epoch)
                || !long.TryParse(epoch.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var epochValue))
        {
            return null;
        }

        return new WriterState(
            writer.S,
            epochValue,
            item.TryGetValue("executionId", out var executionId) ? executionId.S : null,
            item.TryGetValue("updatedAt", out var updatedAt) ? DateTimeOffset.Parse(updatedAt.S, CultureInfo.InvariantCulture) : null);
    }

    public async Task<bool> PromoteAsync(string region, string tableName, string key, string writerRegion, long epoch, string executionId,
        CancellationToken cancellationToken)
    {
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = new()
            {
                ["pk"] = new AttributeValue { S = key },
                ["writerRegion"] = new AttributeValue { S = writerRegion },
                ["epoch"] = new AttributeValue { N = epoch.ToString(CultureInfo.InvariantCulture) },
                ["executionId"] = new AttributeValue { S = executionId },
                ["updatedAt"] = new AttributeValue { S = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture) },
            },

            // A lower (stale) epoch is refused. So is a second write of the same switch (same execution, same writer
            // region): a retry at a higher epoch must not show the application a second writer change for one switch.
            ConditionExpression =
                "attribute_not_exists(pk) OR (epoch <= :epoch AND NOT (executionId = :executionId AND writerRegion = :writerRegion))",
            ExpressionAttributeValues = new()
            {
                [":epoch"] = new AttributeValue { N = epoch.ToString(CultureInfo.InvariantCulture) },
                [":executionId"] = new AttributeValue { S = executionId },
                [":writerRegion"] = new AttributeValue { S = writerRegion },
            },
        };

        return await DynamoDbCalls.RunConditionalAsync("PutItem", () =>
            clients.GetClient(region).PutItemAsync(request, cancellationToken)) is not null;
    }
}
