using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Results;

/// <summary>The state of an app as <c>status</c> reports it.</summary>
public sealed record StatusReport
{
    public required string Phase { get; init; }

    public long Epoch { get; init; }

    public string? LeaseHolder { get; init; }

    public DateTimeOffset? LeaseExpiresAt { get; init; }

    public IReadOnlyList<string> CompletedSteps { get; init; } = [];

    public int Attempts { get; init; }

    public DateTimeOffset? LastTransitionAt { get; init; }

    public string? LastError { get; init; }

    /// <summary>The scheduled watch's latest runs, newest first ("time healthy|failed what the probes got"); empty before its first run.</summary>
    public IReadOnlyList<string> WatchHistory { get; init; } = [];

    /// <summary>Since when the primary has failed every watch run; null while it answers.</summary>
    public DateTimeOffset? WatchFailingSince { get; init; }

    /// <summary>The scheduled time of the watch's latest run; null before its first run.</summary>
    public DateTimeOffset? WatchLastRunAt { get; init; }

    /// <summary>The latest run's verdict on the primary ("time healthy|failed what the probes got"); null before its first run.</summary>
    public string? WatchLastVerdict { get; init; }

    /// <summary>Whether the standby passed the watch's preflight at the last check; null before the first check.</summary>
    public bool? StandbyReady { get; init; }

    /// <summary>Since when the standby has been ready, or not ready.</summary>
    public DateTimeOffset? StandbyReadySince { get; init; }

    /// <summary>What keeps the standby from being ready; empty when it is ready.</summary>
    public IReadOnlyList<string> StandbyNotReadyReasons { get; init; } = [];

    /// <summary>The latest audit events, oldest first, one line each.</summary>
    public IReadOnlyList<string> RecentEvents { get; init; } = [];
}
