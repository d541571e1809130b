using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Watch.Dns;

namespace FailoverOrchestrator.Watch;

/// <summary>
/// Reads both of the watch's data-plane signals at once, from the function's region: an HTTP(S) probe of each of the
/// primary's health endpoints, and the DNS answer Route 53 serves for the app's health record.
/// </summary>
internal sealed class WatchSignals(IHealthProbe probe, DnsVerdictReader dns, string region)
{
    public async Task<WatchReading> ReadAsync(AppOptions app, CancellationToken cancellationToken)
    {
        var timeout = TimeSpan.FromSeconds(app.Watch.ProbeTimeoutSeconds);
        var probes = Task.WhenAll(app.Watch.HealthEndpoints.Select(url => probe.ProbeAsync(new Uri(url), timeout, cancellationToken)));
        var verdict = dns.ReadAsync(app, cancellationToken);
        return new WatchReading(await probes, await verdict, region);
    }
}
