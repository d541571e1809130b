using System.Globalization;
using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.State;
using static FailoverOrchestrator.Aws.DynamoDb.DynamoValues;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>The attribute names of an audit item and its mapping to and from <see cref="AuditEvent"/>.</summary>
internal static class AuditItem
{
    public const string Pk = "pk";
    public const string Sk = "sk";
    public const string ExecutionId = "executionId";
    public const string Epoch = "epoch";
    public const string Sequence = "sequence";
    public const string Timestamp = "timestamp";
    public const string Kind = "kind";
    public const string Step = "step";
    public const string Detail = "detail";
    public const string DurationMs = "durationMs";
    public const string ExpiresAt = "expiresAt";

    /// <summary>Every attribute of the item: what an expression may name as <c>#attribute</c>.</summary>
    public static readonly IReadOnlySet<string> Attributes = new HashSet<string>(StringComparer.Ordinal)
    {
        Pk, Sk, ExecutionId, Epoch, Sequence, Timestamp, Kind, Step, Detail, DurationMs, ExpiresAt,
    };

    /// <summary>The item of <paramref name="auditEvent"/>; <paramref name="expiresAt"/> (epoch seconds) feeds the table's TTL.</summary>
    public static Dictionary<string, AttributeValue> From(AuditEvent auditEvent, long? expiresAt)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [Pk] = String(auditEvent.App),
            [Sk] = String(SortKey(auditEvent)),
            [ExecutionId] = String(auditEvent.ExecutionId),
            [Epoch] = Number(auditEvent.Epoch),
            [Sequence] = Number(auditEvent.Sequence),
            [Timestamp] = String(FormatTimestamp(auditEvent.Timestamp)),
            [Kind] = String(auditEvent.Kind),
        };
        AddIfPresent(item, Step, auditEvent.Step is { Length: > 0 } step ? String(step) : null);
        AddIfPresent(item, Detail, auditEvent.Detail is { Length: > 0 } detail ? String(detail) : null);
        AddIfPresent(item, DurationMs, auditEvent.DurationMs is { } durationMs ? Number(durationMs) : null);
        AddIfPresent(item, ExpiresAt, expiresAt is { } seconds ? Number(seconds) : null);
        return item;
    }

    public static AuditEvent ToAuditEvent(Dictionary<string, AttributeValue> item) => new()
    {
        App = item.GetString(Pk) ?? string.Empty,
        ExecutionId = item.GetString(ExecutionId) ?? string.Empty,
        Epoch = item.GetNumber(Epoch) ?? 0,
        Sequence = (int)(item.GetNumber(Sequence) ?? 0),
        Timestamp =
            DateTimeOffset.Parse(item.GetString(Timestamp) ?? string.Empty, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        Kind = item.GetString(Kind) ?? string.Empty,
        Step = item.GetString(Step),
        Detail = item.GetString(Detail),
        DurationMs = item.GetNumber(DurationMs),
    };

    /// <summary><c>{timestamp}#{executionId}#{epoch:D6}-{sequence:D4}</c>: derived from the event alone, so a retried append targets the
    /// same item.</summary>
    public static string SortKey(AuditEvent auditEvent) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{FormatTimestamp(auditEvent.Timestamp)}#{auditEvent.ExecutionId}#{auditEvent.Epoch:D6}-{auditEvent.Sequence:D4}");

    private static string FormatTimestamp(DateTimeOffset timestamp) =>
        timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static void AddIfPresent(Dictionary<string, AttributeValue> item, string name, AttributeValue? value)
    {
        if (value is not null)
        {
            item[name] = value;
        }
    }
}
