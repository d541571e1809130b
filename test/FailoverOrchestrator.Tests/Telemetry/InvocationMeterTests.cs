using FailoverOrchestrator.Telemetry;
using Microsoft.Extensions.Time.Testing;

namespace FailoverOrchestrator.Tests.Telemetry;

public class InvocationMeterTests
{
    private readonly FakeTimeProvider _fake = new();

    [Fact]
    public async Task AwsPolls_DelayInsideTheInvocation_CountedWhenItFires()
    {
        var time = new MeteredTimeProvider(_fake);
        using var meter = InvocationMeter.Start();

        var delay = Task.Delay(TimeSpan.FromSeconds(2), time);
        _fake.Advance(TimeSpan.FromSeconds(2));
        await delay;

        Assert.Equal(TimeSpan.FromSeconds(2), meter.AwsPolls);
        Assert.Equal(TimeSpan.Zero, meter.LeaseWait);
    }

    [Fact]
    public void AwsPolls_TimerDisposedBeforeItFires_NotCounted()
    {
        var time = new MeteredTimeProvider(_fake);
        using var meter = InvocationMeter.Start();

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30), time))
        {
            _fake.Advance(TimeSpan.FromSeconds(1));
        }

        _fake.Advance(TimeSpan.FromSeconds(60));
        Assert.Equal(TimeSpan.Zero, meter.AwsPolls);
    }

    [Fact]
    public void AwsPolls_TimeoutThatFires_NotCountedAsAWait()
    {
        var time = new MeteredTimeProvider(_fake);
        using var meter = InvocationMeter.Start();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10), time);
        _fake.Advance(TimeSpan.FromSeconds(10));

        Assert.True(timeout.IsCancellationRequested);
        Assert.Equal(TimeSpan.Zero, meter.AwsPolls);
    }

    [Fact]
    public async Task LeaseWait_DelaysWhileWaitingOutALease_CountAsLeaseWaitNotAws()
    {
        var time = new MeteredTimeProvider(_fake);
        using var meter = InvocationMeter.Start();

        using (InvocationMeter.MeasureLeaseWait(time))
        {
            var delay = Task.Delay(TimeSpan.FromSeconds(3), time);
            _fake.Advance(TimeSpan.FromSeconds(3));
            await delay;
        }

        Assert.Equal(TimeSpan.FromSeconds(3), meter.LeaseWait);
        Assert.Equal(TimeSpan.Zero, meter.AwsPolls);
    }

    [Fact]
    public async Task Start_TwoConcurrentInvocations_KeepTheirOwnFigures()
    {
        var time = new MeteredTimeProvider(_fake);
        var first = Task.Run(async () =>
        {
            using var meter = InvocationMeter.Start();
            await Task.Delay(TimeSpan.FromSeconds(1), time);
            return meter.AwsPolls;
        });
        var second = Task.Run(async () =>
        {
            using var meter = InvocationMeter.Start();
            await Task.Delay(TimeSpan.FromSeconds(5), time);
            return meter.AwsPolls;
        });
        // Each delay counts its own due time however far the clock moves before the other flow has started its timer.
        while (!first.IsCompleted || !second.IsCompleted)
        {
            _fake.Advance(TimeSpan.FromSeconds(1));
            await Task.Yield();
        }

        Assert.Equal(TimeSpan.FromSeconds(1), await first);
        Assert.Equal(TimeSpan.FromSeconds(5), await second);
    }

    [Fact]
    public void Current_OutsideAnyInvocation_NullAndTimersPassThrough()
    {
        var time = new MeteredTimeProvider(_fake);
        var fired = false;

        using var timer = time.CreateTimer(_ => fired = true, null, TimeSpan.FromSeconds(1), Timeout.InfiniteTimeSpan);
        _fake.Advance(TimeSpan.FromSeconds(1));

        Assert.Null(InvocationMeter.Current);
        Assert.True(fired);
    }
}
