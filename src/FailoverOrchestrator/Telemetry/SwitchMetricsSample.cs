using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Telemetry;

/// <summary>What one invocation of a switch contributes to the metrics: counts of what happened, and where the time went.</summary>
internal sealed record SwitchMetricsSample
{
    public required string App { get; init; }

    /// <summary><c>Failover</c> or <c>Failback</c>.</summary>
    public required string Direction { get; init; }

    /// <summary>The result's outcome, or <c>Error</c> when the invocation threw.</summary>
    public required string Outcome { get; init; }

    public string? ExecutionId { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>This invocation ran steps of a switch (a new one, a takeover or a resume).</summary>
    public bool Started { get; init; }

    public bool Completed { get; init; }

    /// <summary>The invocation threw: a step failed past its retries or the deadline hit; Lambda retries it.</summary>
    public bool Failed { get; init; }

    public bool Blocked { get; init; }

    public bool Suppressed { get; init; }

    /// <summary>A duplicate delivery or a losing contender: AlreadyInTargetState or InProgressElsewhere.</summary>
    public bool Duplicate { get; init; }

    public TimeSpan Orchestration { get; init; }

    public TimeSpan AwsRequests { get; init; }

    public TimeSpan AwsPolls { get; init; }

    public TimeSpan LeaseWait { get; init; }

    /// <summary>The bound of the replication lag the switch measured (its RPO), when it measured one.</summary>
    public TimeSpan? ReplicationLagBound { get; init; }

    /// <summary>The steps this invocation reported; those that ran become <c>&lt;Step&gt;Duration</c> metrics.</summary>
    public IReadOnlyList<StepResult> Steps { get; init; } = [];
}
