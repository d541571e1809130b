using System.Diagnostics;

namespace FailoverOrchestrator.Telemetry;

/// <summary>
/// Splits one invocation's time into waiting on AWS (HTTP requests in flight, and the polls and backoffs between them),
/// waiting out another invocation's lease, and the rest, which is our own overhead. The meter follows the invocation's
/// async flow, so concurrent invocations in one process (the drill, the tests) do not mix their figures.
/// </summary>
internal sealed class InvocationMeter : IDisposable
{
    private static readonly AsyncLocal<InvocationMeter?> CurrentMeter = new();
    private static readonly Lazy<ActivityListener> HttpListener = new(ListenToHttp, LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly InvocationMeter? _previous;
    private long _httpTicks;
    private long _pollTicks;
    private long _leaseWaitTicks;
    private int _leaseWaits;

    private InvocationMeter(InvocationMeter? previous) => _previous = previous;

    /// <summary>The meter of the invocation running in this async flow, if any.</summary>
    public static InvocationMeter? Current => CurrentMeter.Value;

    /// <summary>Time HTTP requests to AWS were in flight (HttpClient's activities: our clients and the DynamoDB SDK alike).</summary>
    public TimeSpan AwsRequests => TimeSpan.FromTicks(Interlocked.Read(ref _httpTicks));

    /// <summary>Time spent in timers that fired between AWS calls: polls for a state to settle, retry backoffs.</summary>
    public TimeSpan AwsPolls => TimeSpan.FromTicks(Interlocked.Read(ref _pollTicks));

    /// <summary>Time spent waiting out another invocation's live lease, its own reads included.</summary>
    public TimeSpan LeaseWait => TimeSpan.FromTicks(Interlocked.Read(ref _leaseWaitTicks));

    /// <summary>Whether the flow is waiting out a lease now: its reads and timers belong to <see cref="LeaseWait"/>.</summary>
    public bool InLeaseWait => Volatile.Read(ref _leaseWaits) > 0;

    /// <summary>Starts metering the calling async flow until the returned meter is disposed.</summary>
    public static InvocationMeter Start()
    {
        _ = HttpListener.Value;
        var meter = new InvocationMeter(CurrentMeter.Value);
        CurrentMeter.Value = meter;
        return meter;
    }

    /// <summary>Marks a lease wait on the current meter; disposing the result adds its elapsed time.</summary>
    public static IDisposable? MeasureLeaseWait(TimeProvider time) => CurrentMeter.Value is { } meter
        ? new LeaseWaitScope(meter, time) : null;

    /// <summary>Counts a timer that fired after <paramref name="dueTime"/>; those of a lease wait are part of the wait already.</summary>
    public void AddTimer(TimeSpan dueTime, bool duringLeaseWait)
    {
        if (!duringLeaseWait)
        {
            Interlocked.Add(ref _pollTicks, dueTime.Ticks);
        }
    }

    public void Dispose() => CurrentMeter.Value = _previous;

    private static ActivityListener ListenToHttp()
    {
        var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (CurrentMeter.Value is { InLeaseWait: false } meter)
                {
                    Interlocked.Add(ref meter._httpTicks, activity.Duration.Ticks);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        return listener;
    }

    private sealed class LeaseWaitScope : IDisposable
    {
        private readonly InvocationMeter _meter;
        private readonly TimeProvider _time;
        private readonly long _started;

        public LeaseWaitScope(InvocationMeter meter, TimeProvider time)
        {
            _meter = meter;
            _time = time;
            _started = time.GetTimestamp();
            Interlocked.Increment(ref meter._leaseWaits);
        }

        public void Dispose()
        {
            Interlocked.Add(ref _meter._leaseWaitTicks, _time.GetElapsedTime(_started).Ticks);
            Interlocked.Decrement(ref _meter._leaseWaits);
        }
    }
}
