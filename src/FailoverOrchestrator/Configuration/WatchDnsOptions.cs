using System.Net;

namespace FailoverOrchestrator.Configuration;

/// <summary>
/// The second signal of the scheduled watch: the answer Route 53's DNS data plane gives for a failover record whose
/// PRIMARY carries the primary's health check (and whose SECONDARY carries none), that is, the verdict of Route 53's
/// health checkers, read with a plain DNS query and no AWS API. No record name: the watch decides from its probes alone.
/// </summary>
public sealed class WatchDnsOptions
{
    /// <summary>
    /// Gets or sets the failover record to resolve, for example <c>health.api.example.com</c>: PRIMARY to the primary's
    /// target with the primary region's HealthCheckId, SECONDARY to the standby's target without a health check, of the
    /// app's Dns:RecordType. Not the app's own record, which answers what the switch set, not what the checkers see.
    /// </summary>
    public string RecordName { get; set; } = string.Empty;

    /// <summary>Gets or sets the resolver to ask, as <c>address:port</c> (port 53 when left out).</summary>
    /// <value>Defaults to empty: the first nameserver of /etc/resolv.conf, the resolver Lambda gives the function.</value>
    public string Resolver { get; set; } = string.Empty;

    /// <summary>Gets or sets how long the lookups of one run may take (they run beside the probes).</summary>
    /// <value>Defaults to 2 seconds.</value>
    public int TimeoutSeconds { get; set; } = 2;

    /// <summary>Gets a value indicating whether a record is configured.</summary>
    public bool Enabled => RecordName.Length > 0;

    /// <summary>The configured resolver, or null when none is given or it does not parse.</summary>
    public IPEndPoint? ResolverEndPoint() =>
        IPEndPoint.TryParse(Resolver, out var endpoint) ? new IPEndPoint(endpoint.Address, endpoint.Port == 0 ? 53 : endpoint.Port) : null;
}
