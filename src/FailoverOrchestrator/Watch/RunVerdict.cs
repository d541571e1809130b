namespace FailoverOrchestrator.Watch;

/// <summary>One run's verdict on the primary, as the character <see cref="State.WatchRecord.Recent"/> keeps it.</summary>
internal static class RunVerdict
{
    /// <summary>A probe answered 2xx.</summary>
    public const char Healthy = 'H';

    /// <summary>Every probe failed, and Route 53 answers the standby or its answer could not be read.</summary>
    public const char Failed = 'F';

    /// <summary>Every probe failed while Route 53 still answers the primary: the path from the function's region is suspect.</summary>
    public const char PathFailed = 'P';
}
