namespace FailoverOrchestrator.IntegrationTests.GlobalTables;

[CollectionDefinition(nameof(ReplicatedWorldCollection))]
public sealed class ReplicatedWorldCollection : ICollectionFixture<ReplicatedWorldFixture>;
