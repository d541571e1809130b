using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Pipeline;

/// <summary>What a step reports back to the pipeline.</summary>
internal sealed record StepOutcome(StepStatus Status, string Detail, IReadOnlyList<string> Calls)
{
    public static StepOutcome Succeeded(string detail, IReadOnlyList<string> calls) => new(StepStatus.Succeeded, detail, calls);

    public static StepOutcome Unchanged(string detail, IReadOnlyList<string> calls) => new(StepStatus.Unchanged, detail, calls);

    public static StepOutcome Planned(string detail, IReadOnlyList<string> calls) => new(StepStatus.Planned, detail, calls);
}
