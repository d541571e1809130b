using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>One delivery to the real handler, what it answered (or threw), and the metrics it emitted.</summary>
internal sealed record DrillInvocation(string Label, TimeSpan At, TimeSpan Duration, FailoverResult? Result, string? Error)
{
    public string Summary => Result is { } r ? $"{r.Outcome}: {r.Reason}" : $"threw: {Error}";

    /// <summary>The Embedded Metric Format line the function wrote for this invocation; null when it wrote none.</summary>
    public EmittedMetrics? Metrics { get; init; }
}
