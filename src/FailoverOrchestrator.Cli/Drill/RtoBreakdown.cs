namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// The recovery time, split into its parts; detection, alarm evaluation, TTL and the world's waits during the
/// orchestration (task start, health check turning healthy) are simulated, the rest measured. The time waiting on AWS
/// is the function's own figure (its AwsWaitTime metric): the drill cannot see inside another process.
/// </summary>
internal sealed record RtoBreakdown(TimeSpan Detection, TimeSpan AlarmEvaluation, TimeSpan Orchestration, TimeSpan AwsWait,
    TimeSpan DnsPropagation, TimeSpan Ttl)
{
    /// <summary>The world's waits inside the orchestration that the drill's clock jumped over.</summary>
    public IReadOnlyList<SkippedWait> SimulatedWaits { get; init; } = [];

    /// <summary>How the report names the detection term and where it comes from.</summary>
    public string DetectionLabel { get; init; } = "detection";

    /// <summary>How the report names the alarm term and where it comes from.</summary>
    public string AlarmLabel { get; init; } = "alarm evaluation";

    public TimeSpan Simulated => SimulatedWaits.Aggregate(TimeSpan.Zero, (sum, w) => sum + w.Duration);

    public TimeSpan Total => Detection + AlarmEvaluation + Orchestration + Ttl;

    /// <summary>Orchestration time measured in real time (all of it but the simulated waits).</summary>
    public TimeSpan Measured => Orchestration - Simulated;

    /// <summary>Measured time not spent waiting on an AWS answer: our own overhead, in the handler and across the Runtime API.</summary>
    public TimeSpan Overhead => Measured - AwsWait;
}
