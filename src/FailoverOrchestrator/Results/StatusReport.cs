using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Results;

/// <summary>The state of an app as <c>status</c> reports it.</summary>
public sealed record StatusReport
{
    /// <summary>Where the app's state machine is (<c>Steady</c>, <c>FailingOver</c>, <c>FailingBack</c>, <c>Failed</c>).</summary>
    public required string Phase { get; init; }

    /// <summary>Raised on every acquisition or takeover of the lease; every write after it is conditioned on it.</summary>
    public long Epoch { get; init; }

    /// <summary>The invocation that holds the lease, if any.</summary>
    public string? LeaseHolder { get; init; }

    /// <summary>When the holder's lease runs out unless it is renewed.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>The steps the execution in progress has completed, in order (a resume starts after them).</summary>
    public IReadOnlyList<string> CompletedSteps { get; init; } = [];

    /// <summary>How many invocations have held the lease of the execution in progress.</summary>
    public int Attempts { get; init; }

    /// <summary>When the phase last changed.</summary>
    public DateTimeOffset? LastTransitionAt { get; init; }

    /// <summary>Why the last execution failed, when it did.</summary>
    public string? LastError { get; init; }

    /// <summary>The scheduled watch's latest runs, newest first ("time healthy|failed what the probes got"); empty before its first
    /// run.</summary>
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
