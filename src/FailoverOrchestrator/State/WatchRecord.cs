namespace FailoverOrchestrator.State;

/// <summary>What the scheduled watch remembers in the app's state item (attributes <c>watch*</c>).</summary>
internal sealed record WatchRecord
{
    public static readonly WatchRecord Empty = new();

    /// <summary>The latest runs, newest first, bounded by the app's <c>Watch:HistorySize</c>; each is "time healthy|failed
    /// detail".</summary>
    public IReadOnlyList<string> History { get; init; } = [];

    /// <summary>The first failed run of the current failing streak; null while the primary answers.</summary>
    public DateTimeOffset? FailingSince { get; init; }

    /// <summary>The streak (named by its <see cref="FailingSince"/>) the watch has already acted on: paged, or started the
    /// failover.</summary>
    public DateTimeOffset? ActedFor { get; init; }

    /// <summary>The time of the latest recorded run (its scheduled time); an earlier or equal one is a late or repeated delivery.</summary>
    public DateTimeOffset? LastRunAt { get; init; }

    /// <summary>
    /// The latest runs' verdicts, newest first, one character each (bounded by <c>Watch:FlapWindowRuns</c>): H the probes
    /// passed, F they failed (Route 53 answers the standby, or its answer could not be read), P they failed while Route 53
    /// still answers the primary.
    /// </summary>
    public string Recent { get; init; } = string.Empty;

    /// <summary>The failing streak for which the watch paged that only its network path fails (Route 53 sees it healthy).</summary>
    public DateTimeOffset? PathPagedFor { get; init; }

    /// <summary>When the watch paged that the primary flaps; cleared once a whole window of runs passes.</summary>
    public DateTimeOffset? FlapPagedAt { get; init; }

    /// <summary>How many runs were recorded; each write is conditioned on the count it read, so two overlapping runs never both
    /// act.</summary>
    public long Runs { get; init; }
}
