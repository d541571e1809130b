using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.State;
using static FailoverOrchestrator.Aws.DynamoDb.DynamoValues;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>
/// The item operations the state store is made of: a consistent read, a conditional put, and conditional
/// UpdateItems returning ALL_NEW, plain or fenced by <c>#epoch = :epoch</c>. The SDK client is asked for on the
/// first call, so an invocation that needs no state (bad input, an OK alarm) never builds one.
/// </summary>
internal sealed class StateTable(IDynamoDbClientFactory clients, string region, string tableName)
{
    public async Task<AppState?> GetAsync(string app, CancellationToken cancellationToken)
    {
        var request = new GetItemRequest { TableName = tableName, Key = StateItem.Key(app), ConsistentRead = true };
        var response = await DynamoDbCalls.RunAsync("GetItem", () => clients.GetClient(region).GetItemAsync(request, cancellationToken));
        return response.Item is { Count: > 0 } item ? StateItem.ToAppState(item) : null;
    }

    /// <summary>Puts <paramref name="item"/> under <paramref name="condition"/>; false when the condition failed.</summary>
    public async Task<bool> TryPutAsync(Dictionary<string, AttributeValue> item, string condition, CancellationToken cancellationToken)
    {
        var request = new PutItemRequest
        {
            TableName = tableName,
            Item = item,
            ConditionExpression = condition,
            ExpressionAttributeNames = ExpressionNames.For(StateItem.Attributes, condition),
        };
        return await DynamoDbCalls.RunConditionalAsync("PutItem", () =>
            clients.GetClient(region).PutItemAsync(request, cancellationToken)) is not null;
    }

    /// <summary>One conditional UpdateItem returning ALL_NEW; null when the condition failed.</summary>
    public async Task<AppState?> TryUpdateAsync(string app, string condition, string update, Dictionary<string, AttributeValue> values,
        CancellationToken cancellationToken)
    {
        var request = new UpdateItemRequest
        {
            TableName = tableName,
            Key = StateItem.Key(app),
            ConditionExpression = condition,
            UpdateExpression = update,
            ExpressionAttributeNames = ExpressionNames.For(StateItem.Attributes, condition, update),
            ExpressionAttributeValues = values,
            ReturnValues = ReturnValue.ALL_NEW,
        };
        var response = await DynamoDbCalls.RunConditionalAsync("UpdateItem", () =>
            clients.GetClient(region).UpdateItemAsync(request, cancellationToken));
        return response is null ? null : StateItem.ToAppState(response.Attributes);
    }

    /// <summary>
    /// The optimistic condition of a write that counts its saves in <paramref name="counter"/> and read it at
    /// <paramref name="seen"/>: the first save needs the item (created by its owner) and no counter yet; a later one needs the
    /// counter unchanged, so of two overlapping writers only one saves. Adds <c>:seen</c> to <paramref name="values"/> when used.
    /// </summary>
    public static string CounterCondition(string counter, long seen, Dictionary<string, AttributeValue> values)
    {
        if (seen == 0)
        {
            return $"attribute_exists(#app) AND attribute_not_exists(#{counter})";
        }

        values[":seen"] = Number(seen);
        return $"#{counter} = :seen";
    }

    /// <summary>An update conditioned on <c>#epoch = :epoch</c> (and <paramref name="guard"/>); false when the condition failed.</summary>
    public async Task<bool> TryFencedUpdateAsync(string app, long epoch, string? guard, string update,
        Dictionary<string, AttributeValue> values, CancellationToken cancellationToken)
    {
        values[":epoch"] = Number(epoch);
        var condition = guard is null ? "#epoch = :epoch" : $"#epoch = :epoch AND {guard}";
        return await TryUpdateAsync(app, condition, update, values, cancellationToken) is not null;
    }

    /// <summary>As <see cref="TryFencedUpdateAsync"/>, throwing <see cref="LeaseLostException"/> when the condition failed.</summary>
    public async Task FencedUpdateAsync(string app, long epoch, string? guard, string update, Dictionary<string, AttributeValue> values,
        CancellationToken cancellationToken)
    {
        if (!await TryFencedUpdateAsync(app, epoch, guard, update, values, cancellationToken))
        {
            throw new LeaseLostException(app, epoch);
        }
    }

    /// <summary>After a guarded fenced write failed: returns when the item shows the write already applied at the same epoch, else throws
    /// <see cref="LeaseLostException"/>.</summary>
    public async Task ThrowUnlessAppliedAsync(string app, long epoch, Func<AppState, bool> applied, CancellationToken cancellationToken)
    {
        var state = await GetAsync(app, cancellationToken);
        if (state is null || state.Epoch != epoch || !applied(state))
        {
            throw new LeaseLostException(app, epoch);
        }
    }
}
