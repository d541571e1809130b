namespace FailoverOrchestrator.Cli.Drill;

/// <summary>The recovery time, split into its parts; detection, alarm evaluation and TTL are simulated, the rest measured.</summary>
internal sealed record RtoBreakdown(TimeSpan Detection, TimeSpan AlarmEvaluation, TimeSpan Orchestration, TimeSpan InSteps, TimeSpan DnsPropagation, TimeSpan Ttl)
{
    public TimeSpan Total => Detection + AlarmEvaluation + Orchestration + Ttl;

    /// <summary>Orchestration time outside the steps: parsing, the lease and checkpoints in DynamoDB, the Runtime API round trip.</summary>
    public TimeSpan OutsideSteps => Orchestration - InSteps;
}
