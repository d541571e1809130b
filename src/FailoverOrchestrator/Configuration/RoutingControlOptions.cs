namespace FailoverOrchestrator.Configuration;

/// <summary>The Route 53 ARC routing controls that switch an app's traffic when <see cref="DnsRecordOptions.Strategy"/> is
/// RoutingControl.</summary>
public sealed class RoutingControlOptions
{
    /// <summary>Gets or sets the cluster's five regional endpoints; a call tries them in turn until one answers.</summary>
    public List<ClusterEndpointOptions> ClusterEndpoints { get; set; } = [];

    /// <summary>Gets or sets the routing control ARN of each of the app's two regions, keyed by region.</summary>
    public Dictionary<string, string> ControlArns { get; set; } = new(StringComparer.Ordinal);
}
