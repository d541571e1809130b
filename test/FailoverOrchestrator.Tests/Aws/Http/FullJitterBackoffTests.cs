using FailoverOrchestrator.Aws.Http;

namespace FailoverOrchestrator.Tests.Aws.Http;

public class FullJitterBackoffTests
{
    [Fact]
    public void Ceiling_SuccessiveRetries_DoublesUpToTheCap()
    {
        var backoff = CreateSut(() => 0.5);

        var ceilings = Enumerable.Range(0, 8).Select(i => backoff.Ceiling(i).TotalMilliseconds).ToArray();

        Assert.Equal(new double[] { 100, 200, 400, 800, 1600, 3200, 5000, 5000 }, ceilings);
    }

    [Fact]
    public void Ceiling_HugeRetryIndex_StaysAtTheCap()
    {
        var backoff = CreateSut(() => 0.5);

        var ceiling = backoff.Ceiling(int.MaxValue);

        Assert.Equal(TimeSpan.FromSeconds(5), ceiling);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.25, 100)]
    [InlineData(0.999, 399.6)]
    public void NextDelay_RandomDraw_ScalesTheCeilingByIt(double draw, double expectedMs)
    {
        var backoff = CreateSut(() => draw);

        var delay = backoff.NextDelay(2);

        Assert.Equal(expectedMs, delay.TotalMilliseconds, precision: 3);
    }

    [Fact]
    public void NextDelay_SharedRandom_StaysWithinEachCeilingAndVaries()
    {
        var random = new Random(7);
        var backoff = CreateSut(random.NextDouble);

        var delays = Enumerable.Range(0, 200).Select(i => (Retry: i % 6, Delay: backoff.NextDelay(i % 6))).ToList();

        Assert.All(delays, d => Assert.InRange(d.Delay, TimeSpan.Zero, backoff.Ceiling(d.Retry)));
        Assert.True(delays.Select(d => d.Delay).Distinct().Count() > 150, "full jitter should spread the delays");
    }

    private static FullJitterBackoff CreateSut(Func<double> random) =>
        new(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), random);
}
