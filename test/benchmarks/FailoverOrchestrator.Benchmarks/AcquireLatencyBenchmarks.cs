using System.Globalization;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.IntegrationTests;
using FailoverOrchestrator.IntegrationTests.Coordination;
using Xunit.Abstractions;

namespace FailoverOrchestrator.Benchmarks;

/// <summary>
/// What taking the lease costs on dynalite: <c>ACQUIRE_TRIALS</c> trials (default 200) of 50 contenders at once, then
/// as many uncontended calls. Printed, not asserted; each trial is still checked for exactly one owner.
/// </summary>
[Collection(MeasuredAloneCollection.Name)]
public sealed class AcquireLatencyBenchmarks(DynaliteFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task TryAcquireAsync_ManyContendersAtOnce_PrintsLatencies()
    {
        var trials = BenchmarkSettings.Get("ACQUIRE_TRIALS", 200);
        var store = new DynamoDbStateStore(fixture.Clients, DynaliteFixture.Region, await fixture.CreateStateTableAsync());

        var contended = await AcquireTrials.RunAsync(store, trials);
        var alone = await AcquireTrials.UncontendedAsync(store, trials);

        output.WriteLine(
            string.Create(
            CultureInfo.InvariantCulture,
            $"trials {trials} x {AcquireTrials.Contenders} contenders, one owner each: TryAcquireAsync latency "
            + $"{LatencySummary.Describe(contended)}"));
        output.WriteLine(
            string.Create(
            CultureInfo.InvariantCulture, $"{trials} uncontended TryAcquireAsync calls: latency {LatencySummary.Describe(alone)}"));
        Assert.Equal(trials * AcquireTrials.Contenders, contended.Count);
    }
}
