namespace FailoverOrchestrator.State;

/// <summary>The state item of one app (table <c>StateTable</c>, key <c>app</c>).</summary>
internal sealed record AppState
{
    public required string App { get; init; }

    public required string ActiveRegion { get; init; }

    public required Phase Phase { get; init; }

    /// <summary>The region an execution in progress (or Failed) moves to.</summary>
    public string? TargetRegion { get; init; }

    /// <summary>Raised on every acquisition or takeover; every write after acquisition is conditioned on it.</summary>
    public long Epoch { get; init; }

    public string? ExecutionId { get; init; }

    /// <summary>
    /// The invocation that took the lease last (the execution id it would have started): a takeover keeps the
    /// execution id, so this is what tells an invocation that an acquisition the SDK retried was its own.
    /// </summary>
    public string? Holder { get; init; }

    /// <summary>The phase the execution had before it was marked Failed (FailingOver or FailingBack).</summary>
    public Phase? FailedPhase { get; init; }

    /// <summary>The lease is live while now &lt; LeaseExpiresAt; from that instant on it may be taken over.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; init; }

    /// <summary>Names of the steps completed by the execution in progress, in order.</summary>
    public IReadOnlyList<string> CompletedSteps { get; init; } = [];

    /// <summary>How many invocations have held the lease of the execution in progress.</summary>
    public int Attempts { get; init; }

    public string? LastTriggerKey { get; init; }

    public DateTimeOffset? LastTransitionAt { get; init; }

    /// <summary>When the last switch (or reset) started; an alarm transition before it is a late delivery that switch answered.</summary>
    public DateTimeOffset? LastSwitchStartedAt { get; init; }

    /// <summary>The instant before which an alarm transition is old news: the start of the last switch, or for items older than that
    /// attribute, its end.</summary>
    public DateTimeOffset? AnsweredUntil => LastSwitchStartedAt ?? LastTransitionAt;

    public string? LastError { get; init; }

    /// <summary>The keys of the latest alarm triggers that started an execution, newest first (bounded by
    /// <see cref="Coordination.Acquisition.TriggerMemory"/>).</summary>
    public IReadOnlyList<string> RecentTriggerKeys { get; init; } = [];

    /// <summary>The Route 53 change the execution in progress submitted; a retry waits for it to be INSYNC.</summary>
    public string? DnsChangeId { get; init; }

    /// <summary>The SNS message id of the execution's outcome page, once sent; a retry does not page again.</summary>
    public string? PageMessageId { get; init; }

    /// <summary>What the scheduled watch recorded; null before its first run.</summary>
    public WatchRecord? Watch { get; init; }

    /// <summary>The standby's readiness as the scheduled watch last recorded it; null before its first check.</summary>
    public ReadinessRecord? Readiness { get; init; }
}
