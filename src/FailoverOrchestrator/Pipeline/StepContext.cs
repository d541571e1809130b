using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Pipeline;

/// <summary>What every step of one execution knows.</summary>
internal sealed class StepContext
{
    public required AppOptions App { get; init; }

    public required string ExecutionId { get; init; }

    /// <summary>The lease epoch this execution holds; written with the writer-control item.</summary>
    public required long Epoch { get; init; }

    public required SwitchDirection Direction { get; init; }

    public required string SourceRegion { get; init; }

    public required string TargetRegion { get; init; }

    /// <summary>Why this execution runs (alarm name and time, or the operator's reason).</summary>
    public required string Reason { get; init; }

    /// <summary>The reason, followed by the warnings the steps raised, if any: what the result and the page say.</summary>
    public string ReasonWithWarnings => Warnings.Count == 0 ? Reason : $"{Reason}; warnings: {string.Join("; ", Warnings)}";

    /// <summary>The execution's lease: fenced before every change, and where a step records what a retry needs.</summary>
    /// <value>Unfenced for a plan, which changes nothing.</value>
    public IExecutionLease Lease { get; init; } = UnfencedLease.Instance;

    /// <summary>The results of the steps so far in this invocation, in order; read by the notify and audit steps.</summary>
    public List<StepResult> Timeline { get; } = [];

    /// <summary>Warnings raised by steps (preflight under the Warn policy), carried into the notification.</summary>
    public List<string> Warnings { get; } = [];
}
