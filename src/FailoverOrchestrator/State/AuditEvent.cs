namespace FailoverOrchestrator.State;

/// <summary>One immutable audit item: <c>pk = app</c>, <c>sk = timestamp#executionId#seq</c>.</summary>
internal sealed record AuditEvent
{
    public required string App { get; init; }

    public required string ExecutionId { get; init; }

    /// <summary>The sequence of this event within its execution and attempt; with the attempt's epoch it makes the key
    /// deterministic.</summary>
    public required int Sequence { get; init; }

    public required long Epoch { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>What happened: TriggerReceived, LeaseAcquired, LeaseTakenOver, StepStarted, StepSucceeded, StepFailed, Completed,
    /// Duplicate, Suppressed, Blocked, Planned, Failed, Reset, Resumed.</summary>
    public required string Kind { get; init; }

    public string? Step { get; init; }

    public string? Detail { get; init; }

    public long? DurationMs { get; init; }
}
