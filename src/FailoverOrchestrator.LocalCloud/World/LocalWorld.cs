using Amazon.DynamoDBv2;
using Amazon.Runtime;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.LocalCloud.Dynalite;
using FailoverOrchestrator.LocalCloud.GlobalTables;

namespace FailoverOrchestrator.LocalCloud.World;

/// <summary>
/// A two-region world on loopback: dynalite for DynamoDB and LocalCloud for Route 53, ECS and SNS, provisioned from
/// the orchestrator's own configuration so the record points at the primary's load balancer, the primary runs at its
/// active counts and the standby at its standby counts. The real clients reach it through the standard
/// <c>AWS_ENDPOINT_URL_*</c> variables given by <see cref="Environment"/>. Started with replicated regions, each region
/// has its own dynalite behind one routing endpoint and the global tables replicate between them
/// (<see cref="Replicator"/>); otherwise one dynalite serves every region, a global table that replicates at once.
/// </summary>
internal sealed class LocalWorld : IAsyncDisposable
{
    public const string AccessKey = "AKIDLOCALWORLD";
    public const string SecretKey = "local-world-secret";

    private readonly DynamoDbClientFactory _clients;
    private readonly HashSet<string> _zones = new(StringComparer.Ordinal);

    private readonly IReadOnlyList<DynaliteServer> _replicas;
    private List<IAmazonDynamoDB> _directClients = [];

    private LocalWorld(DynaliteServer dynalite, LocalCloudServer cloud, IReadOnlyList<DynaliteServer>? replicas = null,
        GlobalTableReplicator? replicator = null, RegionalDynamoDbRouter? router = null)
    {
        Dynalite = dynalite;
        Cloud = cloud;
        _replicas = replicas ?? [];
        Replicator = replicator;
        Router = router;
        Environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ENDPOINT_URL_DYNAMODB"] = router?.Endpoint ?? dynalite.Endpoint,
            ["AWS_ENDPOINT_URL_ROUTE_53"] = cloud.Route53Api.Endpoint.ToString().TrimEnd('/'),
            ["AWS_ENDPOINT_URL_ECS"] = cloud.Endpoint.ToString().TrimEnd('/'),
            ["AWS_ENDPOINT_URL_SNS"] = cloud.Endpoint.ToString().TrimEnd('/'),
            ["AWS_ACCESS_KEY_ID"] = AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = SecretKey,
            ["AWS_REGION"] = "us-east-1",
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        _clients = new DynamoDbClientFactory(new BasicAWSCredentials(AccessKey, SecretKey), TimeSpan.FromSeconds(10),
            getEnvironmentVariable: Lookup);
    }

    public DynaliteServer Dynalite { get; }

    public LocalCloudServer Cloud { get; }

    /// <summary>The global tables' replication, when each region has its own dynalite; null otherwise.</summary>
    public GlobalTableReplicator? Replicator { get; }

    /// <summary>The endpoint that routes each request to its region's dynalite, when each region has its own.</summary>
    public RegionalDynamoDbRouter? Router { get; }

    /// <summary>The variables that point the real clients at this world, with throwaway credentials.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The DynamoDB clients of this world, one per region.</summary>
    public IDynamoDbClientFactory DynamoDbClients => _clients;

    /// <summary>The DynamoDB client of a region (every region is the one dynalite: a global table that replicates at once).</summary>
    public IAmazonDynamoDB DynamoDb(string region) => _clients.GetClient(region);

    public string? Lookup(string name) => Environment.TryGetValue(name, out var value) ? value : null;

    public static async Task<LocalWorld> StartAsync(LocalCloudOptions cloudOptions, CancellationToken cancellationToken = default)
    {
        var dynalite = await DynaliteServer.StartAsync(cancellationToken: cancellationToken);
        try
        {
            return new LocalWorld(dynalite, LocalCloudServer.Start(cloudOptions));
        }
        catch
        {
            await dynalite.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts a world with one dynalite per region in <paramref name="regions"/> (started side by side), one routing
    /// endpoint before them, and a replicator that copies writes to global tables between them after
    /// <paramref name="replicationDelay"/>.
    /// </summary>
    public static async Task<LocalWorld> StartReplicatedAsync(
        LocalCloudOptions cloudOptions, IReadOnlyList<string> regions, TimeSpan replicationDelay, CancellationToken cancellationToken =
            default)
    {
        var started = await Task.WhenAll(regions.Select(_ => DynaliteServer.StartAsync(cancellationToken: cancellationToken)));
        var direct = regions.Select((region, i) => (region, client: (IAmazonDynamoDB)new AmazonDynamoDBClient(
            new BasicAWSCredentials(AccessKey, SecretKey),
            new AmazonDynamoDBConfig { ServiceURL = started[i].Endpoint, AuthenticationRegion = region, MaxErrorRetry = 0 }))).ToList();
        var time = cloudOptions.TimeProvider;
        var replicator = new GlobalTableReplicator(direct.ToDictionary(d => d.region, d => d.client, StringComparer.Ordinal),
            time) { Delay = replicationDelay };
        var router = new RegionalDynamoDbRouter(
            regions.Select((r, i) => (r, i)).ToDictionary(x => x.r, x => new Uri(started[x.i].Endpoint), StringComparer.Ordinal),
            replicator);
        return new LocalWorld(started[0], LocalCloudServer.Start(cloudOptions), started, replicator,
            router) { _directClients = direct.Select(d => d.client).ToList() };
    }

    /// <summary><paramref name="region"/> goes dark: see <see cref="RegionBlackout"/>.</summary>
    /// <returns>What now refuses, one entry per endpoint.</returns>
    public Task<IReadOnlyList<string>> GoDarkAsync(string region) => RegionBlackout.DarkenAsync(Cloud, Router, region);

    /// <summary>Builds what the configuration expects to find: tables, zone and record, health checks, services, topics.</summary>
    public async Task ProvisionAsync(OrchestratorOptions options, CancellationToken cancellationToken = default)
    {
        var tables = new TableProvisioner(DynamoDb(options.Region!));
        await tables.CreateStateTableAsync(options.StateTable, cancellationToken);
        await tables.CreateAuditTableAsync(options.AuditTable, cancellationToken);
        foreach (var app in options.Apps.Values)
        {
            await ProvisionGlobalTablesAsync(app, options.Region!, cancellationToken);
            var zone = app.Dns.HostedZoneId.Replace("/hostedzone/", string.Empty, StringComparison.Ordinal);
            if (_zones.Add(zone))
            {
                Cloud.Route53.AddHostedZone(app.Dns.ZoneName, zone);
            }

            AppProvisioner.Provision(Cloud, app, zone);
        }
    }

    public ValueTask DisposeAsync()
    {
        _clients.Dispose();
        return DisposeBothAsync();
    }

    /// <summary>
    /// The app's writer-control table and global tables: with a dynalite per region, every region gets its replica of
    /// each, registered for replication; otherwise the one dynalite holds them for every region.
    /// </summary>
    private async Task ProvisionGlobalTablesAsync(AppOptions app, string functionRegion, CancellationToken cancellationToken)
    {
        var globalTables = app.Regions.Values.SelectMany(r => r.GlobalTables).Distinct(StringComparer.Ordinal).ToList();
        foreach (var region in Replicator is null ? [functionRegion] : app.Regions.Keys.ToArray())
        {
            var replica = new TableProvisioner(DynamoDb(region));
            await replica.CreateWriterControlTableAsync(app.WriterControl.TableName, cancellationToken);
            foreach (var table in globalTables)
            {
                await replica.CreateTableAsync(table, "pk", null, cancellationToken);
            }
        }

        Replicator?.AddTable(app.WriterControl.TableName);
        foreach (var table in globalTables)
        {
            Replicator?.AddTable(table);
        }
    }

    private async ValueTask DisposeBothAsync()
    {
        await Cloud.DisposeAsync();
        if (Router is not null)
        {
            await Router.DisposeAsync();
        }

        if (Replicator is not null)
        {
            await Replicator.DisposeAsync();
        }

        foreach (var client in _directClients)
        {
            client.Dispose();
        }

        await Dynalite.DisposeAsync();
        foreach (var replica in _replicas.Skip(1))
        {
            await replica.DisposeAsync();
        }
    }
}
