namespace FailoverOrchestrator.Watch;

/// <summary>Probes one health endpoint over HTTP(S), from the region the function runs in.</summary>
internal interface IHealthProbe
{
    /// <summary>Never throws for what the endpoint does (refused, timed out, 5xx): that is the result.</summary>
    Task<ProbeResult> ProbeAsync(Uri endpoint, TimeSpan timeout, CancellationToken cancellationToken);
}
