namespace FailoverOrchestrator.Results;

/// <summary>One step's line in the result.</summary>
public sealed record StepResult
{
    /// <summary>The step (<c>Preflight</c>, <c>EcsScaleUp</c>, <c>PromoteWriter</c>...).</summary>
    public required string Name { get; init; }

    /// <summary>How the step ended, or that it was skipped or only planned.</summary>
    public required StepStatus Status { get; init; }

    /// <summary>When the step started; null for a step that did not run.</summary>
    public DateTimeOffset? StartedAt { get; init; }

    /// <summary>How long the step took, in milliseconds.</summary>
    public long DurationMs { get; init; }

    /// <summary>What the step did or found, in words.</summary>
    public string? Detail { get; init; }

    /// <summary>The AWS calls the step made, or in a plan would make, with their parameters.</summary>
    public IReadOnlyList<string>? Calls { get; init; }
}
