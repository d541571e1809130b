namespace FailoverOrchestrator.Results;

/// <summary>The one JSON object an invocation returns.</summary>
public sealed record FailoverResult
{
    public required Outcome Outcome { get; init; }

    public string? App { get; init; }

    public string? ExecutionId { get; init; }

    /// <summary>The region serving traffic after this invocation.</summary>
    public string? ActiveRegion { get; init; }

    public string? TargetRegion { get; init; }

    public IReadOnlyList<StepResult> Steps { get; init; } = [];

    /// <summary>Why this outcome, in words an on-call engineer can act on.</summary>
    public string? Reason { get; init; }

    /// <summary>The data at risk of a switch or a plan: <c>boundSeconds</c>, <c>measuredAt</c>, <c>source</c>.</summary>
    public RpoEstimate? Rpo { get; init; }

    /// <summary>Status only: the state item and the latest audit events.</summary>
    public StatusReport? Status { get; init; }

    public static FailoverResult Rejected(string reason, string? app = null) => new() { Outcome = Outcome.Rejected, App = app, Reason = reason };

    public static FailoverResult Ignored(string reason, string? app = null) => new() { Outcome = Outcome.Ignored, App = app, Reason = reason };
}
