using System.Collections.Concurrent;
using System.Diagnostics;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// Adds up, per invocation, the time spent waiting on AWS: outgoing HTTP requests (HttpClient's <c>System.Net.Http</c>
/// activities, which cover our Route 53, ECS and SNS clients and the official DynamoDB SDK alike) and the polls and
/// backoffs between them (the clock's timers that fired). What is left of an invocation's time is our own overhead.
/// </summary>
internal sealed class AwsWaitMeter : IDisposable
{
    private static readonly AsyncLocal<string?> CurrentLabel = new();
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, long> _httpTicks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _timerTicks = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);

    public AwsWaitMeter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (CurrentLabel.Value is { } label)
                {
                    _httpTicks.AddOrUpdate(label, activity.Duration.Ticks, (_, t) => t + activity.Duration.Ticks);
                    _requests.AddOrUpdate(label, 1, (_, n) => n + 1);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Names the invocation the calls in this async flow belong to.</summary>
    public static void Attribute(string label) => CurrentLabel.Value = label;

    /// <summary>Binds a timer created in this flow to its invocation; returns what to call when it fires.</summary>
    public Action<TimeSpan>? ObserveTimer()
    {
        var label = CurrentLabel.Value;
        return label is null ? null : dueTime => _timerTicks.AddOrUpdate(label, dueTime.Ticks, (_, t) => t + dueTime.Ticks);
    }

    public TimeSpan Http(string label) => TimeSpan.FromTicks(_httpTicks.GetValueOrDefault(label));

    public TimeSpan Waits(string label) => TimeSpan.FromTicks(_timerTicks.GetValueOrDefault(label));

    public int Requests(string label) => _requests.GetValueOrDefault(label);

    public TimeSpan Total(string label) => Http(label) + Waits(label);

    public void Dispose() => _listener.Dispose();
}
