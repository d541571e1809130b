namespace FailoverOrchestrator.State;

/// <summary>What an invocation asks for when it tries to take the lease.</summary>
internal sealed record AcquireRequest
{
    public required string App { get; init; }

    /// <summary>The execution id this invocation will use if it starts a new execution.</summary>
    public required string ExecutionId { get; init; }

    public required string SourceRegion { get; init; }

    public required string TargetRegion { get; init; }

    /// <summary>FailingOver or FailingBack.</summary>
    public required Phase Phase { get; init; }

    /// <summary>The trigger's idempotency key (alarm ARN + state timestamp, or the operator command's key).</summary>
    public required string TriggerKey { get; init; }

    public required DateTimeOffset Now { get; init; }

    public required TimeSpan Lease { get; init; }

    /// <summary>The cooldown after the last transition; <see cref="TimeSpan.Zero"/> ignores it (operator commands).</summary>
    public required TimeSpan Cooldown { get; init; }

    /// <summary>
    /// When the alarm changed state; null for operator commands. A transition no later than the app's last switch is
    /// a late redelivery and starts nothing.
    /// </summary>
    public DateTimeOffset? AlarmChangedAt { get; init; }

    /// <summary>The epoch of the state item read before acquiring; the remembered keys below were read with it.</summary>
    public long SeenEpoch { get; init; }

    /// <summary>The remembered trigger keys to write on a fresh start (this trigger's first), computed from the read at
    /// <see cref="SeenEpoch"/>.</summary>
    public IReadOnlyList<string> RecentTriggerKeys { get; init; } = [];
}
