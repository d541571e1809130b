namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>
/// Fifty invocations of the real handler released at once on the same alarm: exactly one owner per trial. A few
/// trials here; the latency benchmark (test/benchmarks) runs 200 and prints latencies and DynamoDB calls.
/// </summary>
public sealed class ConcurrentDeliveryTests
{
    private const int Trials = 3;
    private const int Worlds = 1;

    [Fact]
    public async Task HandleAsync_FiftyConcurrentDeliveries_ExactlyOneOwnerPerTrial()
    {
        var trials = await DeliveryTrials.RunAsync(Trials, Worlds);

        Assert.Equal(Trials, trials.Count);
        Assert.All(trials, deliveries => Assert.Single(deliveries, d => d.Result!.Outcome == Results.Outcome.FailedOver));
    }
}
