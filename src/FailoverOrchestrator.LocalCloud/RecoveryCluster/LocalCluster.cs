using FailoverOrchestrator.LocalCloud.Calls;
using FailoverOrchestrator.LocalCloud.Faults;
using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.RecoveryCluster;

/// <summary>
/// A Route 53 ARC cluster: one store of routing controls and safety rules served by five regional endpoints, each on
/// its own loopback port, any of which can be taken down. The regions are those of a real cluster's endpoints.
/// </summary>
internal sealed class LocalCluster : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Regions = ["us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1", "ap-southeast-2"];

    private readonly List<RegionalEndpointHost> _endpoints;

    public LocalCluster(RoutingControlStore store, FaultInjector faults, CallLog calls, TimeProvider time)
    {
        Controls = store;
        var dispatcher = new RequestDispatcher([new RoutingControlEndpoint(store)], faults, calls, time);
        _endpoints = Regions.Select(r => new RegionalEndpointHost(r, "/v1", dispatcher.DispatchAsync)).ToList();
    }

    public RoutingControlStore Controls { get; }

    /// <summary>Gets every endpoint, up or down, in the cluster's order: (endpoint URL, region).</summary>
    public IReadOnlyList<(Uri Endpoint, string Region)> Endpoints => _endpoints.Select(e => (e.Endpoint, e.Region)).ToList();

    public async Task StartAsync()
    {
        foreach (var endpoint in _endpoints)
        {
            await endpoint.StartAsync();
        }
    }

    /// <summary>Takes the endpoint of <paramref name="region"/> down: connections to it are refused.</summary>
    public Task TakeDownAsync(string region) => Find(region).StopAsync();

    public Task BringUpAsync(string region) => Find(region).StartAsync();

    /// <summary>Gets the regions whose endpoint is down.</summary>
    public IReadOnlyList<string> Down() => _endpoints.Where(e => !e.IsUp).Select(e => e.Region).ToList();

    public async ValueTask DisposeAsync()
    {
        foreach (var endpoint in _endpoints)
        {
            await endpoint.DisposeAsync();
        }
    }

    private RegionalEndpointHost Find(string region) =>
        _endpoints.FirstOrDefault(e => e.Region == region)
            ?? throw new ArgumentException(
            $"The cluster has no endpoint in {region}; its regions are {string.Join(", ", Regions)}.", nameof(region));
}
