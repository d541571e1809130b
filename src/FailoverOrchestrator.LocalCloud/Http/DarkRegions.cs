using System.Collections.Concurrent;

namespace FailoverOrchestrator.LocalCloud.Http;

/// <summary>
/// The regions that are dark: every request signed for one of them is refused without an answer (the connection is cut
/// before any byte of a response), as a client sees a regional endpoint that is gone. One loopback port serves every
/// region of a service, so a refusal is a cut connection rather than ECONNREFUSED; both are a transport failure to the
/// client, which is what it must handle. The endpoints with a port of their own (the Route 53 API, the ARC cluster
/// endpoints, the app's health endpoints) close it instead.
/// </summary>
internal sealed class DarkRegions
{
    private readonly ConcurrentDictionary<string, bool> _dark = new(StringComparer.Ordinal);

    public void Darken(string region) => _dark[region] = true;

    public void Restore(string region) => _dark.TryRemove(region, out _);

    public bool IsDark(string? region) => region is not null && _dark.ContainsKey(region);
}
