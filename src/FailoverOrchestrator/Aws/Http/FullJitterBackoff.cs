namespace FailoverOrchestrator.Aws.Http;

/// <summary>
/// "Full jitter" backoff: the delay before retry <c>n</c> is uniform in [0, min(cap, base * 2^n)).
/// Spreads contending callers apart, which matters most for throttling.
/// </summary>
internal sealed class FullJitterBackoff
{
    private readonly TimeSpan _baseDelay;
    private readonly TimeSpan _maxDelay;
    private readonly Func<double> _random;

    /// <param name="baseDelay">The ceiling before the first retry; it doubles with every retry.</param>
    /// <param name="maxDelay">The cap of the ceiling.</param>
    /// <param name="random">Returns a number in [0, 1); tests pass a fixed one.</param>
    public FullJitterBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Func<double> random)
    {
        _baseDelay = baseDelay;
        _maxDelay = maxDelay;
        _random = random;
    }

    /// <summary>The ceiling before retry <paramref name="retryIndex"/> (0 for the first retry).</summary>
    public TimeSpan Ceiling(int retryIndex)
    {
        // Past 2^30 the product only overflows; the cap has long been reached by then.
        var factor = Math.Pow(2, Math.Min(retryIndex, 30));
        var ticks = Math.Min(_maxDelay.Ticks, _baseDelay.Ticks * factor);
        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>The jittered delay before retry <paramref name="retryIndex"/> (0 for the first retry).</summary>
    public TimeSpan NextDelay(int retryIndex) => TimeSpan.FromTicks((long)(Ceiling(retryIndex).Ticks * _random()));
}
