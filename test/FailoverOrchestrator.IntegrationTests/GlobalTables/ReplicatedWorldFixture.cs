using Amazon.DynamoDBv2;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.Dynalite;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.LocalCloud.World;

namespace FailoverOrchestrator.IntegrationTests.GlobalTables;

/// <summary>One replicated world (a dynalite per region) for the replication tests; each test uses its own table.</summary>
public sealed class ReplicatedWorldFixture : IAsyncLifetime
{
    public const string East = "us-east-1";
    public const string West = "us-west-2";

    private LocalWorld? _world;

    internal LocalWorld World => _world ?? throw new InvalidOperationException("The fixture is not initialized.");

    internal IAmazonDynamoDB Client(string region) => World.DynamoDb(region);

    /// <summary>A new global table with a replica in each region, hash key <c>pk</c>.</summary>
    internal async Task<string> GlobalTableAsync(string name)
    {
        foreach (var region in new[] { East, West })
        {
            await new TableProvisioner(Client(region)).CreateTableAsync(name, "pk", null);
        }

        World.Replicator!.AddTable(name);
        return name;
    }

    public async Task InitializeAsync()
    {
        LocalCredentials.UseInThisProcess();
        _world = await LocalWorld.StartReplicatedAsync(new LocalCloudOptions(), [East, West], TimeSpan.FromMilliseconds(300));
    }

    public async Task DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }
}
