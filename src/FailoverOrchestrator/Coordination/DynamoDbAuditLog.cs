using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.Aws.DynamoDb;
using static FailoverOrchestrator.Aws.DynamoDb.DynamoValues;

namespace FailoverOrchestrator.Coordination;

/// <summary>
/// The audit table: <c>pk</c> = app, <c>sk</c> = <c>{timestamp}#{executionId}#{epoch:D6}-{sequence:D4}</c>, one immutable
/// item per event. The key is derived from the event alone, so a retried append targets the same item.
/// </summary>
/// <param name="retention">How long items are kept through the TTL attribute <c>expiresAt</c>; null (or zero) writes no TTL.</param>
internal sealed class DynamoDbAuditLog(Func<IAmazonDynamoDB> clientFactory, string tableName, TimeSpan? retention) : IAuditLog
{
    // The SDK client is built on first use: an invocation that needs no state (bad input, an OK alarm) never pays for it.
    private readonly Lazy<IAmazonDynamoDB> _client = new(clientFactory);

    public DynamoDbAuditLog(IAmazonDynamoDB client, string tableName, TimeSpan? retention)
        : this(() => client, tableName, retention)
    {
    }

    private IAmazonDynamoDB Client => _client.Value;

    public async Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = String(auditEvent.App),
            ["sk"] = String(SortKey(auditEvent)),
            ["executionId"] = String(auditEvent.ExecutionId),
            ["epoch"] = Number(auditEvent.Epoch),
            ["sequence"] = Number(auditEvent.Sequence),
            ["timestamp"] = String(FormatTimestamp(auditEvent.Timestamp)),
            ["kind"] = String(auditEvent.Kind),
        };
        AddIfPresent(item, "step", auditEvent.Step);
        AddIfPresent(item, "detail", auditEvent.Detail);
        if (auditEvent.DurationMs is { } durationMs)
        {
            item["durationMs"] = Number(durationMs);
        }

        if (retention is { } keep && keep > TimeSpan.Zero)
        {
            // Counted from the event, not from the clock, so that a retry writes the very same item.
            item["expiresAt"] = Number((auditEvent.Timestamp + keep).ToUnixTimeSeconds());
        }

        try
        {
            await Client.PutItemAsync(
                new PutItemRequest { TableName = tableName, Item = item, ConditionExpression = "attribute_not_exists(sk)" },
                cancellationToken);
        }
        catch (ConditionalCheckFailedException)
        {
            // The same key was written before: a retry of this append, which is done already.
        }
    }

    public async Task<IReadOnlyList<AuditEvent>> ReadAsync(string app, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var response = await Client.QueryAsync(
            new QueryRequest
            {
                TableName = tableName,
                KeyConditionExpression = "pk = :app",
                ExpressionAttributeValues = new() { [":app"] = String(app) },

                // Newest first so that Limit keeps the most recent events; they are turned oldest first below.
                ScanIndexForward = false,
                Limit = limit,
                ConsistentRead = true,
            },
            cancellationToken);

        var events = (response.Items ?? []).Select(ToAuditEvent).ToList();
        events.Reverse();
        return events;
    }

    internal static string SortKey(AuditEvent auditEvent) =>
        string.Create(CultureInfo.InvariantCulture, $"{FormatTimestamp(auditEvent.Timestamp)}#{auditEvent.ExecutionId}#{auditEvent.Epoch:D6}-{auditEvent.Sequence:D4}");

    private static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void AddIfPresent(Dictionary<string, AttributeValue> item, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            item[name] = String(value);
        }
    }

    private static AuditEvent ToAuditEvent(Dictionary<string, AttributeValue> item) => new()
    {
        App = item.GetString("pk") ?? string.Empty,
        ExecutionId = item.GetString("executionId") ?? string.Empty,
        Epoch = item.GetNumber("epoch") ?? 0,
        Sequence = (int)(item.GetNumber("sequence") ?? 0),
        Timestamp = DateTimeOffset.Parse(item.GetString("timestamp") ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        Kind = item.GetString("kind") ?? string.Empty,
        Step = item.GetString("step"),
        Detail = item.GetString("detail"),
        DurationMs = item.GetNumber("durationMs"),
    };
}
