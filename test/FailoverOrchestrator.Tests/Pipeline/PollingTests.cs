using FailoverOrchestrator.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace FailoverOrchestrator.Tests.Pipeline;

public class PollingTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task UntilAsync_NextSleepWouldPassDeadline_ReturnsFalseWithoutSleeping()
    {
        var reads = 0;

        var done = await Polling.UntilAsync(_ => Task.FromResult(++reads > 5), PollSchedule.Default, _time.GetUtcNow().AddMilliseconds(999),
            _time, CancellationToken.None);

        Assert.False(done);
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task UntilAsync_DoneOnThirdRead_ReturnsTrueAfterThreeReads()
    {
        var reads = 0;

        var done = await Polling.UntilAsync(_ => Task.FromResult(++reads == 3), PollSchedule.Lease, deadline: null, _time,
            CancellationToken.None, shorten: _ => TimeSpan.Zero);

        Assert.True(done);
        Assert.Equal(3, reads);
    }

    [Fact]
    public async Task UntilAsync_NotDone_SleepsOnTheGivenClockAsScheduled()
    {
        var reads = 0;
        var polling = Polling.UntilAsync(_ => Task.FromResult(++reads == 3), PollSchedule.HealthCheck, _time.GetUtcNow().AddMinutes(1),
            _time, CancellationToken.None);

        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(2, reads);
        _time.Advance(TimeSpan.FromSeconds(4));

        Assert.True(await polling);
        Assert.Equal(3, reads);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(4, 5)]
    [InlineData(5, 5)]
    public void After_Delay_DoublesUpToMax(int seconds, int next)
    {
        Assert.Equal(TimeSpan.FromSeconds(next), PollSchedule.Default.After(TimeSpan.FromSeconds(seconds)));
    }
}
