using FailoverOrchestrator.LocalCloud.World;
using Microsoft.Extensions.Configuration;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// The drill runs the sample configuration shipped with the CLI, with waits sized for a laptop: LocalCloud propagates
/// a change in 1.5 s and starts 4 tasks a second after the simulated task start, which the clock jumps over.
/// </summary>
internal static class DrillConfiguration
{
    /// <summary>How long a write to a global table takes to reach the other region's replica (DynamoDB: usually under a second).</summary>
    public static readonly TimeSpan ReplicationDelay = TimeSpan.FromMilliseconds(250);

    public static string File => Path.Combine(AppContext.BaseDirectory, "samples", "orchestrator.json");

    public static readonly IReadOnlyList<KeyValuePair<string, string?>> Overrides =
    [
        new("Orchestrator:Region", "us-west-2"),
        new("Orchestrator:Apps:shop:EcsWaitSeconds", "30"),
        new("Orchestrator:Apps:shop:HealthWaitSeconds", "45"),
        new("Orchestrator:Apps:shop:DnsWaitSeconds", "30"),

        // Longer than the simulated task start and health waits the clock jumps over while a duplicate waits out the lease.
        new("Orchestrator:Apps:shop:LeaseSeconds", "170"),
    ];

    /// <summary>
    /// The regions the world needs a DynamoDB replica in (the apps' regions and the orchestrator's), read from the raw
    /// settings: the configuration is validated only once it names the world's endpoints, which exist after the world.
    /// </summary>
    public static IReadOnlyList<string> Regions(IEnumerable<KeyValuePair<string, string?>> overrides)
    {
        // A scenario may set a key the drill sets too: the last one wins, as when the configuration file is written.
        var merged = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Overrides.Concat(overrides))
        {
            merged[key] = value;
        }

        var settings = new ConfigurationBuilder().AddJsonFile(File).AddInMemoryCollection(merged).Build().GetSection("Orchestrator");
        return settings.GetSection("Apps").GetChildren().SelectMany(app => app.GetSection("Regions").GetChildren().Select(r => r.Key))
            .Append(settings["Region"] ?? "us-east-1").Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>The world's five ARC cluster endpoints in place of the sample's (their ports are known once the world runs).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ClusterEndpoints(LocalWorld world) =>
        world.Cloud.Cluster.Endpoints.SelectMany((e, i) => new KeyValuePair<string, string?>[]
        {
            new($"Orchestrator:Apps:shop:RoutingControl:ClusterEndpoints:{i}:Endpoint", e.Endpoint.ToString()),
            new($"Orchestrator:Apps:shop:RoutingControl:ClusterEndpoints:{i}:Region", e.Region),
        });

    /// <summary>The primary's health endpoint, as LocalCloud serves it, for the scheduled watch (which stays idle unless a scenario sends a
    /// watch).</summary>
    public static IEnumerable<KeyValuePair<string, string?>> HealthEndpoints(LocalWorld world) =>
        [
            new(
                "Orchestrator:Apps:shop:Watch:HealthEndpoints:0",
                new Uri(world.Cloud.AppHealth.Endpoint("us-east-1"), "/health").ToString()),

            // The watch's second signal: Route 53's DNS answer for the health record, asked of LocalCloud's DNS data plane
            // as the function would ask the resolver of its VPC.
            new("Orchestrator:Apps:shop:Watch:Dns:RecordName", HealthRecordName),
            new("Orchestrator:Apps:shop:Watch:Dns:Resolver", world.Cloud.Dns.EndPoint.ToString()),
        ];

    /// <summary>The failover record whose answer is Route 53's checkers' verdict on the primary (infra/watch-health-record.yaml).</summary>
    public const string HealthRecordName = "health.api.example.com";
}
