using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Results;

/// <summary>The state of an app as <c>status</c> reports it.</summary>
public sealed record StatusReport
{
    public required string Phase { get; init; }

    public long Epoch { get; init; }

    public string? LeaseHolder { get; init; }

    public DateTimeOffset? LeaseExpiresAt { get; init; }

    public IReadOnlyList<string> CompletedSteps { get; init; } = [];

    public int Attempts { get; init; }

    public DateTimeOffset? LastTransitionAt { get; init; }

    public string? LastError { get; init; }

    /// <summary>The latest audit events, oldest first, one line each.</summary>
    public IReadOnlyList<string> RecentEvents { get; init; } = [];
}
