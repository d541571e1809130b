using Amazon.DynamoDBv2;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.Dynalite;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.LocalCloud.World;
using Microsoft.Extensions.Time.Testing;

namespace FailoverOrchestrator.IntegrationTests.GlobalTables;

/// <summary>One replicated world (a dynalite per region) for the replication tests; each test uses its own table.</summary>
public sealed class ReplicatedWorldFixture : IAsyncLifetime
{
    public const string East = "us-east-1";
    public const string West = "us-west-2";

    /// <summary>How long a write takes to reach the other replica, on <see cref="Time"/>.</summary>
    public static readonly TimeSpan ReplicationDelay = TimeSpan.FromMilliseconds(300);

    private LocalWorld? _world;

    /// <summary>
    /// The clock that stamps the writes and decides when they are due: a test moves it (past
    /// <see cref="ReplicationDelay"/> to deliver, a little between two writes to order them) instead of waiting.
    /// </summary>
    internal FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

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
        _world = await LocalWorld.StartReplicatedAsync(new LocalCloudOptions { TimeProvider = Time }, [East, West], ReplicationDelay);
    }

    public async Task DisposeAsync()
    {
        if (_world is not null)
        {
            await _world.DisposeAsync();
        }
    }
}
