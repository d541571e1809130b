namespace FailoverOrchestrator.Aws.Http;

/// <summary>
/// The moment by which AWS calls must be over, typically the Lambda invocation's end minus a margin.
/// Set at the start of an invocation; retries stop before a wait would cross it.
/// </summary>
internal sealed class InvocationDeadline
{
    private long _ticks = long.MaxValue;

    /// <summary>The deadline, or null when there is none.</summary>
    public DateTimeOffset? ExpiresAt
    {
        get
        {
            var ticks = Interlocked.Read(ref _ticks);
            return ticks == long.MaxValue ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }

        set => Interlocked.Exchange(ref _ticks, value?.UtcTicks ?? long.MaxValue);
    }
}
