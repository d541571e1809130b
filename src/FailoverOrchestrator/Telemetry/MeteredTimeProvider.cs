namespace FailoverOrchestrator.Telemetry;

/// <summary>
/// The function's clock, which also tells the current <see cref="InvocationMeter"/> when a one-shot timer created in
/// its flow fires: every poll and backoff (Task.Delay, Polly's delays) goes through <see cref="CreateTimer"/>. Timeouts
/// and deadlines (CancellationTokenSource timers) are never counted, whether or not they fire.
/// </summary>
internal sealed class MeteredTimeProvider(TimeProvider inner) : TimeProvider
{
    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        // A CancellationTokenSource's timer (a per-attempt timeout, a deadline) is not a wait: when it fires, the request
        // it cut short was already counted as time in flight. Only delays (polls, backoffs) count.
        if (InvocationMeter.Current is not { } meter || period != Timeout.InfiniteTimeSpan || state is CancellationTokenSource)
        {
            return inner.CreateTimer(callback, state, dueTime, period);
        }

        var duringLeaseWait = meter.InLeaseWait;
        return inner.CreateTimer(
            s =>
            {
                meter.AddTimer(dueTime, duringLeaseWait);
                callback(s);
            },
            state,
            dueTime,
            period);
    }
}
