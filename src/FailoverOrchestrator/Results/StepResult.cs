namespace FailoverOrchestrator.Results;

/// <summary>One step's line in the result.</summary>
public sealed record StepResult
{
    public required string Name { get; init; }

    public required StepStatus Status { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public long DurationMs { get; init; }

    public string? Detail { get; init; }

    /// <summary>The AWS calls the step made, or in a plan would make, with their parameters.</summary>
    public IReadOnlyList<string>? Calls { get; init; }
}
