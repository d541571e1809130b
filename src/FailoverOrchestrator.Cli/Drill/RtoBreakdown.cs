namespace FailoverOrchestrator.Cli.Drill;

/// <summary>The recovery time, split into its parts; detection, alarm evaluation and TTL are simulated, the rest measured.</summary>
internal sealed record RtoBreakdown(TimeSpan Detection, TimeSpan AlarmEvaluation, TimeSpan Orchestration, TimeSpan AwsWait, TimeSpan DnsPropagation, TimeSpan Ttl)
{
    public TimeSpan Total => Detection + AlarmEvaluation + Orchestration + Ttl;

    /// <summary>Orchestration time not spent waiting on an AWS answer: our own overhead.</summary>
    public TimeSpan Overhead => Orchestration - AwsWait;
}
