using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace FailoverOrchestrator.LocalCloud.Dynalite;

/// <summary>
/// Creates the orchestrator's tables (pay per request) and waits until they are ACTIVE. dynalite has no global tables:
/// a global table is stood in for by one table of the same name per region, each created through that region's client.
/// </summary>
internal sealed class TableProvisioner(IAmazonDynamoDB client)
{
    private static readonly TimeSpan ActiveTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>The state table: hash key <c>app</c> (S).</summary>
    public Task CreateStateTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        CreateTableAsync(tableName, "app", rangeKey: null, cancellationToken);

    /// <summary>The audit table: hash key <c>pk</c> (S), range key <c>sk</c> (S).</summary>
    public Task CreateAuditTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        CreateTableAsync(tableName, "pk", "sk", cancellationToken);

    /// <summary>A writer-control table (the region's replica of the application's global table): hash key <c>pk</c> (S).</summary>
    public Task CreateWriterControlTableAsync(string tableName, CancellationToken cancellationToken = default) =>
        CreateTableAsync(tableName, "pk", rangeKey: null, cancellationToken);

    /// <summary>Creates the table unless it exists, then waits until it is ACTIVE.</summary>
    public async Task CreateTableAsync(string tableName, string hashKey, string? rangeKey, CancellationToken cancellationToken = default)
    {
        var request = new CreateTableRequest
        {
            TableName = tableName,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            AttributeDefinitions = [new AttributeDefinition(hashKey, ScalarAttributeType.S)],
            KeySchema = [new KeySchemaElement(hashKey, KeyType.HASH)],
        };
        if (rangeKey is not null)
        {
            request.AttributeDefinitions.Add(new AttributeDefinition(rangeKey, ScalarAttributeType.S));
            request.KeySchema.Add(new KeySchemaElement(rangeKey, KeyType.RANGE));
        }

        try
        {
            await client.CreateTableAsync(request, cancellationToken);
        }
        catch (ResourceInUseException)
        {
            // Exists already (a drill run again on the same dynalite): wait for it like a new one.
        }

        await WaitUntilActiveAsync(tableName, cancellationToken);
    }

    private async Task WaitUntilActiveAsync(string tableName, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ActiveTimeout);
        try
        {
            while (true)
            {
                var response = await client.DescribeTableAsync(new DescribeTableRequest { TableName = tableName }, timeout.Token);
                if (response.Table.TableStatus == TableStatus.ACTIVE)
                {
                    return;
                }

                await Task.Delay(PollInterval, timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"Table '{tableName}' was not ACTIVE within {ActiveTimeout.TotalSeconds:0} s.");
        }
    }
}
