using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Notifications;

/// <summary>
/// One page to the on-call: either an invocation's <see cref="Results.Outcome"/> or a <see cref="PageEvent"/> (a
/// failed attempt, a failed execution, a reset: none of them is an invocation's outcome), with what the on-call
/// needs to act on it.
/// </summary>
internal sealed record Page
{
    /// <summary>The outcome announced; null for an event.</summary>
    public Outcome? Outcome { get; init; }

    /// <summary>The event announced; null for an outcome.</summary>
    public PageEvent? Event { get; init; }

    public string? App { get; init; }

    public string? ExecutionId { get; init; }

    public string? ActiveRegion { get; init; }

    public string? TargetRegion { get; init; }

    public IReadOnlyList<StepResult> Steps { get; init; } = [];

    public string? Reason { get; init; }

    /// <summary>The data at risk of the switch, said in one sentence on the page; null when there is none to tell.</summary>
    public RpoEstimate? Rpo { get; init; }

    /// <summary>What the page announces, as its <c>outcome</c> attribute and its body name it.</summary>
    public string Headline => Event is { } pageEvent ? pageEvent.ToString().ToUpperInvariant() : Outcome?.ToString() ?? string.Empty;

    public static Page Of(FailoverResult result) => Of(result, result.Outcome, null);

    /// <summary>An event, shown with the app, regions, execution, reason and steps of <paramref name="details"/>.</summary>
    public static Page Of(PageEvent pageEvent, FailoverResult details) => Of(details, null, pageEvent);

    private static Page Of(FailoverResult details, Outcome? outcome, PageEvent? pageEvent) => new()
    {
        Outcome = outcome,
        Event = pageEvent,
        App = details.App,
        ExecutionId = details.ExecutionId,
        ActiveRegion = details.ActiveRegion,
        TargetRegion = details.TargetRegion,
        Steps = details.Steps,
        Reason = details.Reason,
        Rpo = details.Rpo,
    };
}
