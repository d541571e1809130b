using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.State;
using static FailoverOrchestrator.Aws.DynamoDb.DynamoValues;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>
/// The audit table: <c>pk</c> = app, <c>sk</c> = <see cref="AuditItem.SortKey"/>, one immutable item per event. The key
/// is derived from the event alone, so a retried append targets the same item. The SDK client is asked for on the
/// first call.
/// </summary>
/// <param name="clients">Builds the DynamoDB client of <paramref name="region"/> on the first call.</param>
/// <param name="region">The region of the audit table (the orchestrator's region).</param>
/// <param name="tableName">The audit table.</param>
/// <param name="retention">How long items are kept through the TTL attribute <c>expiresAt</c>; null (or zero) writes no TTL.</param>
internal sealed class DynamoDbAuditLog(IDynamoDbClientFactory clients, string region, string tableName, TimeSpan? retention) : IAuditLog
{
    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);

        // Counted from the event, not from the clock, so that a retry writes the very same item.
        long? expiresAt = retention is { } keep && keep > TimeSpan.Zero ? (auditEvent.Timestamp + keep).ToUnixTimeSeconds() : null;
        const string condition = "attribute_not_exists(#sk)";
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = AuditItem.From(auditEvent, expiresAt),
            ConditionExpression = condition,
            ExpressionAttributeNames = ExpressionNames.For(AuditItem.Attributes, condition),
        };

        // A failed condition means the same key was written before: a retry of this append, which is done already.
        await DynamoDbCalls.RunConditionalAsync("PutItem", () => clients.GetClient(region).PutItemAsync(request, cancellationToken));
    }

    public async Task<IReadOnlyList<AuditEvent>> ReadAsync(string app, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        const string keyCondition = "#pk = :app";
        var request = new QueryRequest
        {
            TableName = tableName,
            KeyConditionExpression = keyCondition,
            ExpressionAttributeNames = ExpressionNames.For(AuditItem.Attributes, keyCondition),
            ExpressionAttributeValues = new() { [":app"] = String(app) },

            // Newest first so that Limit keeps the most recent events; they are turned oldest first below.
            ScanIndexForward = false,
            Limit = limit,
            ConsistentRead = true,
        };
        var response = await DynamoDbCalls.RunAsync("Query", () => clients.GetClient(region).QueryAsync(request, cancellationToken));

        var events = (response.Items ?? []).Select(AuditItem.ToAuditEvent).ToList();
        events.Reverse();
        return events;
    }
}
