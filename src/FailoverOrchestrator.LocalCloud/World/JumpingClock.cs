namespace FailoverOrchestrator.LocalCloud.World;

/// <summary>
/// The orchestrator's clock in the drill and the integration tests: real time plus a jump. Detection and alarm evaluation take minutes in
/// AWS;
/// the drill jumps the clock over them instead of waiting, so alarm timestamps, leases and cooldowns see the
/// simulated minutes while the orchestration itself runs, and is measured, in real time.
/// </summary>
internal sealed class JumpingClock : TimeProvider
{
    private long _offsetTicks;
    private long _firedTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Jump(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);

    /// <summary>The total due time of the one-shot timers that fired: how long the code on this clock spent waiting (polls,
    /// backoffs).</summary>
    public TimeSpan FiredTimerTime => TimeSpan.FromTicks(Interlocked.Read(ref _firedTicks));

    /// <summary>
    /// Asked, in the flow that creates a one-shot timer, for what to call with its due time when it fires; lets a meter
    /// attribute waits to the invocation that made them (timer callbacks do not carry the creator's async context).
    /// </summary>
    public Func<Action<TimeSpan>?>? TimerObserver { get; set; }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var observer = period == Timeout.InfiniteTimeSpan && dueTime > TimeSpan.Zero ? TimerObserver?.Invoke() : null;

        // Only timers that fire count: a timeout that is cancelled never made anyone wait for it.
        return base.CreateTimer(
            s =>
            {
                if (period == Timeout.InfiniteTimeSpan && dueTime > TimeSpan.Zero)
                {
                    Interlocked.Add(ref _firedTicks, dueTime.Ticks);
                    observer?.Invoke(dueTime);
                }

                callback(s);
            },
            state,
            dueTime,
            period);
    }
}
