using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>One delivery to the real handler and what it answered (or threw).</summary>
internal sealed record DrillInvocation(string Label, TimeSpan At, TimeSpan Duration, FailoverResult? Result, string? Error)
{
    public string Summary => Result is { } r ? $"{r.Outcome}: {r.Reason}" : $"threw: {Error}";
}
