namespace FailoverOrchestrator.Pipeline;

/// <summary>One step of the failover pipeline. Every step is safe to run twice: a resumed execution runs the interrupted step
/// again.</summary>
internal interface IFailoverStep
{
    /// <summary>The step's name as configured, checkpointed and reported (for example <c>DnsUpsert</c>).</summary>
    string Name { get; }

    /// <summary>Does the step's work towards <see cref="StepContext.TargetRegion"/>.</summary>
    Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken);

    /// <summary>Lists the calls <see cref="ExecuteAsync"/> would make, with their parameters; may read, never writes.</summary>
    Task<StepOutcome> PlanAsync(StepContext context, CancellationToken cancellationToken);
}
