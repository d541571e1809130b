namespace FailoverOrchestrator.Aws.RecoveryCluster;

/// <summary>One of the five regional endpoints of a Route 53 ARC cluster; a request to it is signed for
/// <paramref name="Region"/>.</summary>
/// <param name="Endpoint">The endpoint as the cluster lists it, for example
/// <c>https://host-abc.route53-recovery-cluster.us-west-2.amazonaws.com/v1</c>.</param>
/// <param name="Region">The region the endpoint is in and requests to it are signed for.</param>
internal sealed record ClusterEndpoint(Uri Endpoint, string Region)
{
    public override string ToString() => $"{Region} ({Endpoint.Authority})";
}
