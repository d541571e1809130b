using System.Diagnostics;
using System.Globalization;
using FailoverOrchestrator.IntegrationTests.ExactlyOnce;
using Xunit.Abstractions;

namespace FailoverOrchestrator.Benchmarks;

/// <summary>
/// Fifty invocations of the real handler at once on the same alarm: <c>EXACTLY_ONCE_TRIALS</c> trials (default 200)
/// on <c>EXACTLY_ONCE_WORLDS</c> worlds side by side (default 2; 1 gives latencies without a neighbour). Latencies
/// and DynamoDB calls are printed, not asserted; each trial is still checked for exactly one owner.
/// </summary>
[Collection(MeasuredAloneCollection.Name)]
public sealed class DeliveryLatencyBenchmarks(ITestOutputHelper output)
{
    [Fact]
    public async Task HandleAsync_FiftyConcurrentDeliveries_PrintsLatenciesAndCalls()
    {
        var trials = BenchmarkSettings.Get("EXACTLY_ONCE_TRIALS", 200);
        var worlds = Math.Min(BenchmarkSettings.Get("EXACTLY_ONCE_WORLDS", 2), trials);
        var elapsed = Stopwatch.StartNew();

        var deliveries = await DeliveryTrials.RunAsync(trials, worlds);

        var stats = new TrialStats();
        deliveries.ForEach(trial => stats.Add(trial.Select(d => (d.Result, d.InvocationMs, d.AcquireMs, d.DynamoDbCalls)).ToList()));
        output.WriteLine(
            string.Create(
            CultureInfo.InvariantCulture,
            $"{trials} trials x {DeliveryTrials.Contenders} concurrent invocations on {worlds} world(s) side by side in "
            + $"{elapsed.Elapsed.TotalSeconds:0.0} s"));
        stats.WriteTo(output);
        Assert.All(stats.OwnersPerTrial, owners => Assert.Equal(1, owners));
    }
}
