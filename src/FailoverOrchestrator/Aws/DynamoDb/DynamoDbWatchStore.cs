using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.State;
using static FailoverOrchestrator.Aws.DynamoDb.DynamoValues;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>
/// The watch attributes of the state item. One conditional UpdateItem per run, conditioned on the run count it read
/// (the item must exist: the caller ensures it). It never names the lease attributes, so it cannot disturb a switch.
/// </summary>
internal sealed class DynamoDbWatchStore(IDynamoDbClientFactory clients, string region, string tableName) : IWatchStore
{
    private readonly StateTable _table = new(clients, region, tableName);

    public async Task<bool> TrySaveAsync(string app, long seenRuns, WatchRecord next, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":history"] = StringList(next.History),
            [":runs"] = Number(next.Runs),
            [":runAt"] = Millis(next.LastRunAt ?? throw new ArgumentException("A watch run has a time.", nameof(next))),
            [":recent"] = String(next.Recent.Length > 0 ? next.Recent : "-"),
        };
        var update = "SET #watchHistory = :history, #watchRuns = :runs, #watchLastRunAt = :runAt, #watchRecent = :recent"
            + OptionalTimes(next, values);
        var condition = StateTable.CounterCondition("watchRuns", seenRuns, values);
        return await _table.TryUpdateAsync(app, condition, update, values, cancellationToken) is not null;
    }

    /// <summary>The rest of the update for the watch's optional times: each one with a value is set, each without is removed,
    /// so a cleared time leaves no stale attribute behind.</summary>
    private static string OptionalTimes(WatchRecord next, Dictionary<string, AttributeValue> values)
    {
        var set = string.Empty;
        var remove = new List<string>();
        (string Attribute, DateTimeOffset? Value)[] optional =
        [
            ("watchFailingSince", next.FailingSince),
            ("watchActedFor", next.ActedFor),
            ("watchPathPagedFor", next.PathPagedFor),
            ("watchFlapPagedAt", next.FlapPagedAt),
        ];
        foreach (var (attribute, value) in optional)
        {
            if (value is { } time)
            {
                set += $", #{attribute} = :{attribute}";
                values[$":{attribute}"] = Millis(time);
            }
            else
            {
                remove.Add($"#{attribute}");
            }
        }

        return remove.Count == 0 ? set : $"{set} REMOVE {string.Join(", ", remove)}";
    }
}
