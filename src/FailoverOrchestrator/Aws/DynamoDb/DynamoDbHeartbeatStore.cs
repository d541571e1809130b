using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>
/// The heartbeat item in a global table: <c>pk</c> (reserved), <c>writtenAt</c> (ISO 8601, UTC), <c>region</c> and
/// <c>sequence</c>. One UpdateItem raises the sequence atomically (<c>ADD</c>), so two writers never hand out the same
/// number in one replica, and returns the item as written.
/// </summary>
internal sealed class DynamoDbHeartbeatStore(IDynamoDbClientFactory clients, TimeProvider time) : IHeartbeatStore
{
    public async Task<Heartbeat> WriteAsync(string region, string tableName, string key, CancellationToken cancellationToken)
    {
        var request = new UpdateItemRequest
        {
            TableName = tableName,
            Key = new() { ["pk"] = new AttributeValue { S = key } },
            UpdateExpression = "SET writtenAt = :at, #region = :region ADD #sequence :one",
            ExpressionAttributeNames = new() { ["#region"] = "region", ["#sequence"] = "sequence" },
            ExpressionAttributeValues = new()
            {
                [":at"] = new AttributeValue { S = time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
                    CultureInfo.InvariantCulture) },
                [":region"] = new AttributeValue { S = region },
                [":one"] = new AttributeValue { N = "1" },
            },
            ReturnValues = ReturnValue.ALL_NEW,
        };
        var response =
            await DynamoDbCalls.RunAsync("UpdateItem", () => clients.GetClient(region).UpdateItemAsync(request, cancellationToken));
        return Parse(response.Attributes)
            ?? throw new InvalidOperationException($"heartbeat in {tableName} ({region}) came back without its attributes");
    }

    public async Task<Heartbeat?> ReadAsync(string region, string tableName, string key, CancellationToken cancellationToken)
    {
        var request = new GetItemRequest
        {
            TableName = tableName,
            Key = new() { ["pk"] = new AttributeValue { S = key } },
            ConsistentRead = true,
        };
        var response = await DynamoDbCalls.RunAsync("GetItem", () => clients.GetClient(region).GetItemAsync(request, cancellationToken));
        return Parse(response.Item);
    }

    /// <summary>An item with a missing or malformed field is no heartbeat (someone wrote the reserved key by hand).</summary>
    private static Heartbeat? Parse(Dictionary<string, AttributeValue>? item)
    {
        if (item is null || item.Count == 0
            || !item.TryGetValue("region", out var region) || region.S is null
            || !item.TryGetValue("writtenAt", out var at)
                || !DateTimeOffset.TryParse(at.S, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var writtenAt)
            || !item.TryGetValue("sequence", out var sequence)
                || !long.TryParse(sequence.N, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }

        return new Heartbeat(region.S, writtenAt, number);
    }
}
