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

    /// <summary>
    /// The reason, followed by the warnings the steps raised, if any: what the result and the page say. A warning two steps
    /// raised alike (preflight and the health wait both failing to read one health check) is said once.
    /// </summary>
    public string ReasonWithWarnings => Warnings.Count == 0
        ? Reason
        : $"{Reason}; warnings: {string.Join("; ", Warnings.Distinct(StringComparer.Ordinal))}";

    /// <summary>The execution's lease: fenced before every change, and where a step records what a retry needs.</summary>
    /// <value>Unfenced for a plan, which changes nothing.</value>
    public IExecutionLease Lease { get; init; } = UnfencedLease.Instance;

    /// <summary>The results of the steps so far in this invocation, in order; read by the notify and audit steps.</summary>
    public List<StepResult> Timeline { get; } = [];

    /// <summary>When this invocation took up the execution; the RPO's time when preflight did not measure it here.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Whether an alarm started this execution (the RPO gate's policy applies) rather than an operator.</summary>
    public bool Automatic { get; init; }

    /// <summary>The seconds of data loss the operator accepted with <c>acceptDataLossSeconds</c>; null when not given.</summary>
    public int? AcceptDataLossSeconds { get; init; }

    /// <summary>The data at risk, as preflight measured it; null until then (or when an earlier attempt measured it).</summary>
    public RpoEstimate? Rpo { get; set; }

    /// <summary>Warnings raised by steps (preflight under the Warn policy), carried into the notification.</summary>
    public List<string> Warnings { get; } = [];
}
