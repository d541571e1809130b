using FailoverOrchestrator.Aws.DynamoDb;
using Microsoft.Extensions.Time.Testing;

namespace FailoverOrchestrator.IntegrationTests.Aws.DynamoDb;

[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbHeartbeatStoreTests(DynaliteFixture fixture)
{
    private const string Key = "failover-orchestrator#heartbeat";
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 3, 41, 250, TimeSpan.Zero);

    [Fact]
    public async Task WriteAsync_Twice_RaisesTheSequenceAndReadsBackWhatWasWritten()
    {
        var table = await fixture.CreateWriterControlTableAsync();
        var time = new FakeTimeProvider(T0);
        var sut = new DynamoDbHeartbeatStore(fixture.Clients, time);

        var before = await sut.ReadAsync(DynaliteFixture.Region, table, Key, CancellationToken.None);
        var first = await sut.WriteAsync(DynaliteFixture.Region, table, Key, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(60));
        var second = await sut.WriteAsync(DynaliteFixture.Region, table, Key, CancellationToken.None);
        var read = await sut.ReadAsync(DynaliteFixture.Region, table, Key, CancellationToken.None);

        Assert.Null(before);
        Assert.Equal(new Heartbeat(DynaliteFixture.Region, T0, 1), first);
        Assert.Equal(new Heartbeat(DynaliteFixture.Region, T0.AddSeconds(60), 2), second);
        Assert.Equal(second, read);
    }
}
