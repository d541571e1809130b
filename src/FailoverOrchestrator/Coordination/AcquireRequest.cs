namespace FailoverOrchestrator.Coordination;

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
}
