using System.Text.Json.Serialization;

namespace FailoverOrchestrator.Results;

/// <summary>What happened to one step in this invocation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StepStatus>))]
public enum StepStatus
{
    /// <summary>The step ran and did its work.</summary>
    Succeeded,

    /// <summary>The step found nothing to change (already in the target state).</summary>
    Unchanged,

    /// <summary>A previous attempt of this execution completed the step (resumed from the checkpoint).</summary>
    SkippedCompleted,

    /// <summary>The step ran but found problems it was told to only warn about.</summary>
    Warned,

    /// <summary>The step stopped the execution (preflight under the Block policy).</summary>
    Blocked,

    /// <summary>The step failed after its retries.</summary>
    Failed,

    /// <summary>The step was not run (an earlier step failed or blocked).</summary>
    NotRun,

    /// <summary>Dry run: the step's calls were listed, not made.</summary>
    Planned,
}
