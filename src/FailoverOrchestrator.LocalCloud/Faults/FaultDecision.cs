namespace FailoverOrchestrator.LocalCloud.Faults;

/// <summary>What the armed faults do to one call: an added delay, and maybe an error instead of the answer.</summary>
internal sealed record FaultDecision(TimeSpan Latency, FaultKind? Error)
{
    public static readonly FaultDecision None = new(TimeSpan.Zero, null);
}
