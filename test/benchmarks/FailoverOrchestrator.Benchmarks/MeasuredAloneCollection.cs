namespace FailoverOrchestrator.Benchmarks;

/// <summary>The benchmarks run one after the other, so that no other measurement's load is in their figures.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MeasuredAloneCollection : ICollectionFixture<IntegrationTests.DynaliteFixture>
{
    public const string Name = "measured alone";
}
