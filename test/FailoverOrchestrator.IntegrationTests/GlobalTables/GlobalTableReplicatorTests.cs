using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace FailoverOrchestrator.IntegrationTests.GlobalTables;

/// <summary>
/// The drill world's global tables, driven by the official DynamoDB SDK over HTTP: one dynalite per region behind the
/// routing endpoint, writes copied between the replicas after the configured delay. The replicator's pause, delay and
/// isolation are process-wide for the world, so these tests run one at a time on the shared fixture.
/// </summary>
[Collection(nameof(ReplicatedWorldCollection))]
public class GlobalTableReplicatorTests(ReplicatedWorldFixture fixture)
{
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task PutItem_InOneRegion_ReachesTheOtherReplicaAfterTheDelayOnly()
    {
        var table = await fixture.GlobalTableAsync("rep-delay");

        await PutAsync(ReplicatedWorldFixture.East, table, "order-1", "placed");
        var before = await ReadAsync(ReplicatedWorldFixture.West, table, "order-1");
        fixture.Time.Advance(ReplicatedWorldFixture.ReplicationDelay);
        Assert.True(await fixture.World.Replicator!.DrainAsync(Drain));
        var after = await ReadAsync(ReplicatedWorldFixture.West, table, "order-1");

        Assert.Null(before);
        Assert.Equal("placed", after);
    }

    [Fact]
    public async Task Pause_WritesQueueUntilResume_ThenArrive()
    {
        var table = await fixture.GlobalTableAsync("rep-pause");
        var replicator = fixture.World.Replicator!;
        replicator.Pause();
        var applied = replicator.Counts.Applied;
        try
        {
            await PutAsync(ReplicatedWorldFixture.West, table, "order-2", "placed");
            await DeleteAsync(ReplicatedWorldFixture.West, table, "missing");
            fixture.Time.Advance(ReplicatedWorldFixture.ReplicationDelay);

            await replicator.WholePassAsync().WaitAsync(Drain);
            Assert.NotEqual(0, replicator.Pending);
            Assert.Equal(applied, replicator.Counts.Applied);
            Assert.Null(await ReadAsync(ReplicatedWorldFixture.East, table, "order-2"));
        }
        finally
        {
            replicator.Resume();
        }

        Assert.True(await replicator.DrainAsync(Drain));
        Assert.Equal("placed", await ReadAsync(ReplicatedWorldFixture.East, table, "order-2"));
    }

    [Fact]
    public async Task ConcurrentWrites_DuringAPartition_LastWriterWinsInEveryReplica()
    {
        // DynamoDB global tables (multi-Region eventual consistency) resolve a conflict by "last writer wins" on the
        // write's timestamp: each item keeps the timestamp of its last write as a system attribute, and a replicated
        // write is applied only if its timestamp is later ("Global tables overview", AWS Prescriptive Guidance,
        // https://docs.aws.amazon.com/prescriptive-guidance/latest/dynamodb-global-tables/overview.html). Items are
        // replicated individually and the order of writes in the remote region may differ from the source's.
        var table = await fixture.GlobalTableAsync("rep-lww");
        var replicator = fixture.World.Replicator!;
        replicator.Pause();
        try
        {
            await PutAsync(ReplicatedWorldFixture.West, table, "cart", "west-first");
            fixture.Time.Advance(TimeSpan.FromMilliseconds(20));
            await PutAsync(ReplicatedWorldFixture.East, table, "cart", "east-last");
        }
        finally
        {
            replicator.Resume();
        }

        fixture.Time.Advance(ReplicatedWorldFixture.ReplicationDelay);
        Assert.True(await replicator.DrainAsync(Drain));

        Assert.Equal("east-last", await ReadAsync(ReplicatedWorldFixture.East, table, "cart"));
        Assert.Equal("east-last", await ReadAsync(ReplicatedWorldFixture.West, table, "cart"));
        Assert.True(replicator.Counts.Superseded >= 1);
    }

    [Fact]
    public async Task Isolate_Region_GlobalTablesUnreachableThereWhileOtherRegionAnswers()
    {
        var table = await fixture.GlobalTableAsync("rep-isolated");
        fixture.World.Router!.Isolate(ReplicatedWorldFixture.East);
        try
        {
            var error = await Assert.ThrowsAnyAsync<AmazonDynamoDBException>(() => ReadAsync(ReplicatedWorldFixture.East, table, "any"));
            Assert.Equal(503, (int)error.StatusCode);
            await PutAsync(ReplicatedWorldFixture.West, table, "order-3", "placed");
        }
        finally
        {
            fixture.World.Router!.Isolate(ReplicatedWorldFixture.East, isolated: false);
        }

        fixture.Time.Advance(ReplicatedWorldFixture.ReplicationDelay);
        Assert.True(await fixture.World.Replicator!.DrainAsync(Drain));
        Assert.Equal("placed", await ReadAsync(ReplicatedWorldFixture.East, table, "order-3"));
    }

    [Fact]
    public async Task Darken_Region_EveryRequestThereCutWithoutAnAnswerWhileOtherRegionAnswers()
    {
        var table = await fixture.GlobalTableAsync("rep-dark");
        await PutAsync(ReplicatedWorldFixture.West, table, "order-4", "placed");
        fixture.World.Router!.Darken(ReplicatedWorldFixture.East);
        try
        {
            // The official SDK sees no HTTP answer at all (not a 503): a transport failure, retried, then thrown.
            var error = await Assert.ThrowsAnyAsync<Exception>(() => ReadAsync(ReplicatedWorldFixture.East, table, "order-4"));
            Assert.True(error is not AmazonServiceException { StatusCode: >= System.Net.HttpStatusCode.BadRequest }, error.ToString());
            Assert.Equal("placed", await ReadAsync(ReplicatedWorldFixture.West, table, "order-4"));
        }
        finally
        {
            fixture.World.Router!.Darken(ReplicatedWorldFixture.East, dark: false);
        }

        Assert.Contains($"{ReplicatedWorldFixture.East} GetItem {table}", fixture.World.Router!.Refused);
    }

    private Task<PutItemResponse> PutAsync(string region, string table, string pk, string value) =>
        fixture.Client(region).PutItemAsync(new PutItemRequest
        {
            TableName = table,
            Item = new() { ["pk"] = new AttributeValue { S = pk }, ["value"] = new AttributeValue { S = value } },
        });

    private Task<DeleteItemResponse> DeleteAsync(string region, string table, string pk) =>
        fixture.Client(region)
            .DeleteItemAsync(new DeleteItemRequest { TableName = table, Key = new() { ["pk"] = new AttributeValue { S = pk } } });

    private async Task<string?> ReadAsync(string region, string table, string pk)
    {
        var response = await fixture.Client(region).GetItemAsync(new GetItemRequest
        {
            TableName = table,
            Key = new() { ["pk"] = new AttributeValue { S = pk } },
            ConsistentRead = true,
        });
        return response.Item is { Count: > 0 } item ? item["value"].S : null;
    }
}
