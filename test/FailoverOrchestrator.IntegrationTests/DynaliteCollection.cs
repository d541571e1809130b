namespace FailoverOrchestrator.IntegrationTests;

/// <summary>The tests that share one dynalite.</summary>
[CollectionDefinition(Name)]
public sealed class DynaliteCollection : ICollectionFixture<DynaliteFixture>
{
    public const string Name = "dynalite";
}
