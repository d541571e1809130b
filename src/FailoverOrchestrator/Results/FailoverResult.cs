namespace FailoverOrchestrator.Results;

/// <summary>The one JSON object an invocation returns.</summary>
public sealed record FailoverResult
{
    /// <summary>What this invocation did (the README's outcome table says which ones page the on-call).</summary>
    public required Outcome Outcome { get; init; }

    /// <summary>The application the command or alarm was about; null when the input named none that is configured.</summary>
    public string? App { get; init; }

    /// <summary>The switch this invocation ran, joined or answered about; the key of its audit trail.</summary>
    public string? ExecutionId { get; init; }

    /// <summary>The region serving traffic after this invocation.</summary>
    public string? ActiveRegion { get; init; }

    /// <summary>The region a switch moves (or a plan would move) the traffic to.</summary>
    public string? TargetRegion { get; init; }

    /// <summary>The steps run in this invocation, or in a plan the steps that would run, in order.</summary>
    public IReadOnlyList<StepResult> Steps { get; init; } = [];

    /// <summary>Why this outcome, in words an on-call engineer can act on.</summary>
    public string? Reason { get; init; }

    /// <summary>The data at risk of a switch or a plan: <c>boundSeconds</c>, <c>measuredAt</c>, <c>source</c>.</summary>
    public RpoEstimate? Rpo { get; init; }

    /// <summary>Status only: the state item and the latest audit events.</summary>
    public StatusReport? Status { get; init; }

    /// <summary>Bad input or an unconfirmed change: nothing changed, and <paramref name="reason"/> says what is wrong.</summary>
    public static FailoverResult Rejected(string reason, string? app = null) =>
        new() { Outcome = Outcome.Rejected, App = app, Reason = reason };

    /// <summary>An event this function does not act on (the README lists them), with why.</summary>
    public static FailoverResult Ignored(string reason, string? app = null) =>
        new() { Outcome = Outcome.Ignored, App = app, Reason = reason };
}
