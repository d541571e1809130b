namespace FailoverOrchestrator.Pipeline;

/// <summary>One run of step <see cref="Index"/> of an execution's ordered steps, and when it started (wall clock and timestamp).</summary>
internal readonly record struct StepAttempt(IReadOnlyList<IFailoverStep> Ordered, int Index, DateTimeOffset StartedAt, long Started)
{
    public IFailoverStep Step => Ordered[Index];
}
