using System.Collections.Concurrent;
using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.AppHealth;

/// <summary>
/// The app's own health endpoint in each region (<c>GET /health</c>, unsigned), on a loopback port of its own, as the
/// load balancer of each region would serve it: 200 while the region serves, the status the drill sets otherwise, and
/// taken down it refuses connections. The scheduled watch probes the primary's.
/// </summary>
internal sealed class AppHealthEndpoints : IAsyncDisposable
{
    public static readonly IReadOnlyList<string> Regions = ["us-east-1", "us-west-2"];

    private readonly Dictionary<string, RegionalEndpointHost> _hosts;
    private readonly ConcurrentDictionary<string, int> _status = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _probes = new(StringComparer.Ordinal);

    public AppHealthEndpoints()
    {
        _hosts = Regions.ToDictionary(r => r, r =>
            new RegionalEndpointHost(r, "/health", (request, _) => Task.FromResult(Serve(r, request))), StringComparer.Ordinal);
    }

    /// <summary>The health URL of <paramref name="region"/> (its port is fixed once started, also across a take-down).</summary>
    public Uri Endpoint(string region) => Find(region).Endpoint;

    /// <summary>Answers every later probe of <paramref name="region"/> with <paramref name="statusCode"/> (200 = healthy).</summary>
    public void SetStatus(string region, int statusCode)
    {
        Find(region);
        _status[region] = statusCode;
    }

    /// <summary>How many probes of <paramref name="region"/> were answered.</summary>
    public int Probes(string region) => _probes.GetValueOrDefault(region);

    public Task TakeDownAsync(string region) => Find(region).StopAsync();

    public Task BringUpAsync(string region) => Find(region).StartAsync();

    public async Task StartAsync()
    {
        foreach (var host in _hosts.Values)
        {
            await host.StartAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.Values)
        {
            await host.DisposeAsync();
        }
    }

    private LocalResponse Serve(string region, LocalRequest request)
    {
        if (request.Method != "GET" || request.Path != "/health")
        {
            return new LocalResponse(404, "text/plain", "not found");
        }

        _probes.AddOrUpdate(region, 1, (_, n) => n + 1);
        var status = _status.GetValueOrDefault(region, 200);
        return new LocalResponse(status, "text/plain", status is >= 200 and < 300 ? $"ok {region}" : $"unhealthy {region}");
    }

    private RegionalEndpointHost Find(string region) =>
        _hosts.TryGetValue(region, out var host)
            ? host : throw new ArgumentException(
            $"LocalCloud serves no app health endpoint in {region}; it serves {string.Join(", ", Regions)}.", nameof(region));
}
