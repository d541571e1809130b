using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.State;
using Microsoft.Extensions.Time.Testing;

namespace FailoverOrchestrator.IntegrationTests.Coordination;

/// <summary>
/// The conditions that keep a trigger from running twice, fence every change and write the writer item once per
/// switch, run against moto's DynamoDB as well as dynalite's (the rest of the suite): two readings of DynamoDB's
/// expression rules we did not write (contains on a missing list, list values written whole, nested NOT, IN).
/// </summary>
public sealed class MotoConditionTests(MotoFixture moto) : IClassFixture<MotoFixture>
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
    private const string Key = "arn:aws:cloudwatch:us-east-1:111122223333:alarm:shop-primary-unhealthy#2026-12-01T09:59:00.000Z";

    [Fact]
    public async Task TryAcquireAsync_RememberedKeyAndLateTransition_RefusedOnMoto()
    {
        var store = new DynamoDbStateStore(moto.Clients, MotoFixture.Region,
            await moto.CreateTableAsync((p, n) => p.CreateStateTableAsync(n), "state"));
        await store.EnsureAsync("shop", "us-east-1", T0, CancellationToken.None);

        var first = await store.TryAcquireAsync(Request("e1", Key, T0, T0.AddMinutes(-1), seenEpoch: 0), CancellationToken.None);
        await store.CommitAsync("shop", 1, "us-west-2", T0.AddMinutes(1), CancellationToken.None);
        var back = await store.TryAcquireAsync(Request("e2", "operator#failback#1", T0.AddMinutes(2), null, seenEpoch: 1, failback: true),
            CancellationToken.None);
        await store.CommitAsync("shop", 2, "us-east-1", T0.AddMinutes(3), CancellationToken.None);
        var redelivered =
            await store.TryAcquireAsync(Request("e3", Key, T0.AddMinutes(30), T0.AddMinutes(-1), seenEpoch: 2), CancellationToken.None);
        var fresh = await store.TryAcquireAsync(
            Request("e4", Key.Replace("09:59", "10:29", StringComparison.Ordinal), T0.AddMinutes(30), T0.AddMinutes(29), seenEpoch: 2),
            CancellationToken.None);

        Assert.Equal([Key], first!.RecentTriggerKeys);
        Assert.NotNull(back);
        Assert.Null(redelivered);
        Assert.Equal(3, fresh!.Epoch);
    }

    [Fact]
    public async Task RenewAndRecord_FencedByEpochAndPhase_OnMoto()
    {
        var store = new DynamoDbStateStore(moto.Clients, MotoFixture.Region,
            await moto.CreateTableAsync((p, n) => p.CreateStateTableAsync(n), "state"));
        await store.EnsureAsync("shop", "us-east-1", T0, CancellationToken.None);
        await store.TryAcquireAsync(Request("e1", Key, T0, T0.AddMinutes(-1), seenEpoch: 0), CancellationToken.None);

        await store.RenewAsync("shop", 1, T0.AddMinutes(2), CancellationToken.None);
        await store.RecordExecutionValueAsync("shop", 1, ExecutionValue.DnsChangeId, "C1", T0.AddMinutes(2), CancellationToken.None);
        var stale =
            await Assert.ThrowsAsync<LeaseLostException>(() => store.RenewAsync("shop", 0, T0.AddMinutes(2), CancellationToken.None));
        await store.CommitAsync("shop", 1, "us-west-2", T0.AddMinutes(3), CancellationToken.None);
        var ended =
            await Assert.ThrowsAsync<LeaseLostException>(() => store.RenewAsync("shop", 1, T0.AddMinutes(4), CancellationToken.None));
        var claims = new[]
        {
            await store.TryClaimSuppressedPageAsync("shop", T0.AddMinutes(3), CancellationToken.None),
            await store.TryClaimSuppressedPageAsync("shop", T0.AddMinutes(3), CancellationToken.None),
        };

        Assert.Equal(0, stale.Epoch);
        Assert.Equal(1, ended.Epoch);
        Assert.Equal([true, false], claims);
        Assert.Null((await store.GetAsync("shop", CancellationToken.None))!.DnsChangeId);
    }

    [Fact]
    public async Task PromoteAsync_SameSwitchRetriedAtHigherEpoch_WritesOnceOnMoto()
    {
        var table = await moto.CreateTableAsync((p, n) => p.CreateWriterControlTableAsync(n), "writer");
        var writer = new DynamoDbWriterControl(moto.Clients, new FakeTimeProvider(T0));

        var first = await writer.PromoteAsync(MotoFixture.Region, table, "writer", "us-west-2", 1, "e1", CancellationToken.None);
        var retry = await writer.PromoteAsync(MotoFixture.Region, table, "writer", "us-west-2", 2, "e1", CancellationToken.None);
        var stale = await writer.PromoteAsync(MotoFixture.Region, table, "writer", "us-east-1", 0, "e0", CancellationToken.None);
        var next = await writer.PromoteAsync(MotoFixture.Region, table, "writer", "us-east-1", 3, "e3", CancellationToken.None);

        Assert.Equal([true, false, false, true], new[] { first, retry, stale, next });
    }

    /// <summary>The heartbeat's UpdateItem (SET and ADD in one expression, ReturnValues ALL_NEW) as moto reads DynamoDB's rules.</summary>
    [Fact]
    public async Task HeartbeatWriteAsync_TwiceThenRead_SequenceRaisedOnMoto()
    {
        var table = await moto.CreateTableAsync((p, n) => p.CreateWriterControlTableAsync(n), "heartbeat");
        var time = new FakeTimeProvider(T0);
        var heartbeats = new DynamoDbHeartbeatStore(moto.Clients, time);

        await heartbeats.WriteAsync(MotoFixture.Region, table, "failover-orchestrator#heartbeat", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(60));
        var second = await heartbeats.WriteAsync(MotoFixture.Region, table, "failover-orchestrator#heartbeat", CancellationToken.None);
        var read = await heartbeats.ReadAsync(MotoFixture.Region, table, "failover-orchestrator#heartbeat", CancellationToken.None);

        Assert.Equal(new Heartbeat(MotoFixture.Region, T0.AddSeconds(60), 2), second);
        Assert.Equal(second, read);
    }

    private static AcquireRequest Request(string executionId, string key, DateTimeOffset now, DateTimeOffset? alarmAt, long seenEpoch,
        bool failback = false) => new()
    {
        App = "shop",
        ExecutionId = executionId,
        SourceRegion = failback ? "us-west-2" : "us-east-1",
        TargetRegion = failback ? "us-east-1" : "us-west-2",
        Phase = failback ? Phase.FailingBack : Phase.FailingOver,
        TriggerKey = key,
        Now = now,
        Lease = TimeSpan.FromSeconds(120),
        Cooldown = alarmAt is null ? TimeSpan.Zero : TimeSpan.FromMinutes(10),
        AlarmChangedAt = alarmAt,
        SeenEpoch = seenEpoch,
        RecentTriggerKeys = alarmAt is null ? [] : [key],
    };
}
