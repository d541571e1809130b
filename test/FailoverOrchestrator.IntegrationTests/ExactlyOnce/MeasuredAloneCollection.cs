namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>Tests that print latencies run after the parallel ones and alone, so that no other test's load is in their figures.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAloneCollection
{
    public const string Name = "measured alone";
}
