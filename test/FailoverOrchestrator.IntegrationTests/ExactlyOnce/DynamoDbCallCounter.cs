using System.Collections.Concurrent;
using System.Globalization;

namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>Counts DynamoDB calls by operation and table, as the SDK client was asked for them (an SDK retry is not counted
/// again).</summary>
internal sealed class DynamoDbCallCounter
{
    private readonly ConcurrentDictionary<(string Operation, string Table), int> _calls = new();

    public int Total => _calls.Values.Sum();

    public void Record(string operation, string table) => _calls.AddOrUpdate((operation, table), 1, (_, n) => n + 1);

    public int Count(string operation, string table) => _calls.TryGetValue((operation, table), out var n) ? n : 0;

    public void Clear() => _calls.Clear();

    /// <summary>For example <c>UpdateItem failover-state 7, PutItem failover-audit 16</c>.</summary>
    public string Describe() =>
        string.Join(", ", _calls.OrderBy(c => c.Key.Table, StringComparer.Ordinal).ThenBy(c => c.Key.Operation, StringComparer.Ordinal)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key.Operation} {c.Key.Table} {c.Value}")));
}
