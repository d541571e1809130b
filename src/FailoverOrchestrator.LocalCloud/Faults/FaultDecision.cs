namespace FailoverOrchestrator.LocalCloud.Faults;

/// <summary>What the armed faults do to one call: an added delay, and maybe an error (the rule that fired) instead of the answer.</summary>
internal sealed record FaultDecision(TimeSpan Latency, FaultRule? Error)
{
    public static readonly FaultDecision None = new(TimeSpan.Zero, null);
}
