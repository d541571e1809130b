using FailoverOrchestrator.Aws.DynamoDb;
using Microsoft.Extensions.Time.Testing;

namespace FailoverOrchestrator.IntegrationTests.Aws.DynamoDb;

[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbWriterControlTests(DynaliteFixture fixture)
{
    private const string Key = "shop/writer";
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task PromoteAsync_StaleEpochAfterNewer_ReturnsFalseAndKeepsNewer()
    {
        var table = await fixture.CreateWriterControlTableAsync();
        var time = new FakeTimeProvider(T0);
        var sut = new DynamoDbWriterControl(fixture.Clients, time);

        var newer = await sut.PromoteAsync(DynaliteFixture.Region, table, Key, "us-west-2", 2, "exec-2", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(5));
        var stale = await sut.PromoteAsync(DynaliteFixture.Region, table, Key, "us-east-1", 1, "exec-1", CancellationToken.None);

        Assert.True(newer);
        Assert.False(stale);
        Assert.Equal(new WriterState("us-west-2", 2, "exec-2", T0),
            await sut.ReadAsync(DynaliteFixture.Region, table, Key, CancellationToken.None));
    }

    /// <summary>The same switch retried at a higher epoch (a takeover) writes nothing: the application sees one writer change per
    /// switch.</summary>
    [Fact]
    public async Task PromoteAsync_SameExecutionAgainAtHigherEpoch_WritesNothing()
    {
        var table = await fixture.CreateWriterControlTableAsync();
        var time = new FakeTimeProvider(T0);
        var sut = new DynamoDbWriterControl(fixture.Clients, time);

        var first = await sut.PromoteAsync(DynaliteFixture.Region, table, Key, "us-west-2", 2, "exec-2", CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(30));
        var retry = await sut.PromoteAsync(DynaliteFixture.Region, table, Key, "us-west-2", 3, "exec-2", CancellationToken.None);

        Assert.True(first);
        Assert.False(retry);
        Assert.Equal(new WriterState("us-west-2", 2, "exec-2", T0),
            await sut.ReadAsync(DynaliteFixture.Region, table, Key, CancellationToken.None));
    }

    [Fact]
    public async Task PromoteAsync_NextSwitchAtHigherEpoch_Writes()
    {
        var table = await fixture.CreateWriterControlTableAsync();
        var sut = new DynamoDbWriterControl(fixture.Clients, new FakeTimeProvider(T0));

        await sut.PromoteAsync(DynaliteFixture.Region, table, Key, "us-west-2", 2, "exec-2", CancellationToken.None);
        var failback = await sut.PromoteAsync(DynaliteFixture.Region, table, Key, "us-east-1", 3, "exec-3", CancellationToken.None);

        Assert.True(failback);
        Assert.Equal("us-east-1", (await sut.ReadAsync(DynaliteFixture.Region, table, Key, CancellationToken.None))!.WriterRegion);
    }

    [Fact]
    public async Task ReadAsync_NoItem_ReturnsNull()
    {
        var sut = new DynamoDbWriterControl(fixture.Clients, TimeProvider.System);

        Assert.Null(
            await sut.ReadAsync(DynaliteFixture.Region, await fixture.CreateWriterControlTableAsync(), Key, CancellationToken.None));
    }
}
