namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// The recovery time, split into its parts; detection, alarm evaluation, TTL and the world's waits during the
/// orchestration (task start, health check turning healthy) are simulated, the rest measured.
/// </summary>
internal sealed record RtoBreakdown(TimeSpan Detection, TimeSpan AlarmEvaluation, TimeSpan Orchestration, TimeSpan InSteps, TimeSpan DnsPropagation, TimeSpan Ttl)
{
    /// <summary>The world's waits inside the orchestration that the drill's clock jumped over.</summary>
    public IReadOnlyList<SkippedWait> SimulatedWaits { get; init; } = [];

    public TimeSpan Simulated => SimulatedWaits.Aggregate(TimeSpan.Zero, (sum, w) => sum + w.Duration);

    public TimeSpan Total => Detection + AlarmEvaluation + Orchestration + Ttl;

    /// <summary>Orchestration time measured in real time (all of it but the simulated waits).</summary>
    public TimeSpan Measured => Orchestration - Simulated;

    /// <summary>Measured time outside the steps: parsing, the lease and checkpoints in DynamoDB, the Runtime API round trip.</summary>
    public TimeSpan OutsideSteps => Measured - InSteps;
}
