using FailoverOrchestrator.State;
using static FailoverOrchestrator.Aws.DynamoDb.DynamoValues;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>
/// The readiness attributes of the state item. One conditional UpdateItem per change, conditioned on the change count it
/// read (the item must exist: the watch ensures it), so of two overlapping runs only one records, audits and pages a
/// change. It never names a lease attribute, so it cannot undo what a switch writes, nor a switch undo it.
/// </summary>
internal sealed class DynamoDbReadinessStore(IDynamoDbClientFactory clients, string region, string tableName) : IReadinessStore
{
    private readonly StateTable _table = new(clients, region, tableName);

    public async Task<bool> TrySaveAsync(string app, long seenChanges, ReadinessRecord next, CancellationToken cancellationToken)
    {
        var values = new Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>
        {
            [":ready"] = String(next.Ready ? StateItem.Ready : StateItem.NotReady),
            [":since"] = Millis(next.Since),
            [":reasons"] = StringList(next.Reasons),
            [":changes"] = Number(next.Changes),
        };
        var condition = StateTable.CounterCondition("readinessChanges", seenChanges, values);
        const string update =
            "SET #readiness = :ready, #readinessSince = :since, #readinessReasons = :reasons, #readinessChanges = :changes";
        return await _table.TryUpdateAsync(app, condition, update, values, cancellationToken) is not null;
    }
}
