using FailoverOrchestrator.Aws.DynamoDb;

namespace FailoverOrchestrator.IntegrationTests.Coordination;

/// <summary>
/// Many invocations delivered the same alarm at once: exactly one may own the execution. A few trials here; the
/// latency benchmark (test/benchmarks) runs 200 and prints what each acquire costs.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class ConcurrentAcquireTests(DynaliteFixture fixture)
{
    private const int Trials = 10;

    [Fact]
    public async Task TryAcquireAsync_ManyContendersAtOnce_ExactlyOneOwnerPerTrial()
    {
        var store = new DynamoDbStateStore(fixture.Clients, DynaliteFixture.Region, await fixture.CreateStateTableAsync());

        var latencies = await AcquireTrials.RunAsync(store, Trials);

        Assert.Equal(Trials * AcquireTrials.Contenders, latencies.Count);
    }
}
