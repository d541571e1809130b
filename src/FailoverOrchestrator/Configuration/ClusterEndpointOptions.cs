namespace FailoverOrchestrator.Configuration;

/// <summary>One regional endpoint of a Route 53 ARC cluster, as DescribeCluster lists it.</summary>
public sealed class ClusterEndpointOptions
{
    /// <summary>Gets or sets the endpoint URL, for example
    /// <c>https://host-abc.route53-recovery-cluster.eu-west-1.amazonaws.com/v1</c>.</summary>
    public string Endpoint { get; set; } = string.Empty;

    /// <summary>Gets or sets the endpoint's region, which requests to it are signed for.</summary>
    public string Region { get; set; } = string.Empty;
}
