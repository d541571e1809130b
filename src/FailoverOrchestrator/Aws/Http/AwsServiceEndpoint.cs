namespace FailoverOrchestrator.Aws.Http;

/// <summary>
/// How to reach and sign for one service: its display name, SigV4 signing name, the suffix of its
/// <c>AWS_ENDPOINT_URL_*</c> variable, its default endpoint and, for a global service, the fixed signing region.
/// </summary>
internal sealed record AwsServiceEndpoint(string Name, string SigningName, string EnvironmentSuffix, string EndpointTemplate,
    AwsProtocol Protocol, string? GlobalSigningRegion = null)
{
    /// <summary>Route 53 is global: one endpoint, always signed for us-east-1.</summary>
    public static AwsServiceEndpoint Route53 { get; } =
        new("Route53", "route53", "ROUTE_53", "https://route53.amazonaws.com", AwsProtocol.RestXml, "us-east-1");

    public static AwsServiceEndpoint Ecs { get; } = new("ECS", "ecs", "ECS", "https://ecs.{region}.amazonaws.com", AwsProtocol.Json);

    public static AwsServiceEndpoint Sns { get; } = new("SNS", "sns", "SNS", "https://sns.{region}.amazonaws.com", AwsProtocol.Query);

    /// <summary>
    /// The Route 53 ARC cluster API (JSON 1.0). Requests go to the cluster's own regional endpoints, named in each
    /// request (<see cref="AwsRequest.Endpoint"/>), each signed for its own region; the template is only a fallback.
    /// </summary>
    public static AwsServiceEndpoint RecoveryCluster { get; } = new("Route53RecoveryCluster", "route53-recovery-cluster",
        "ROUTE53_RECOVERY_CLUSTER", "https://route53-recovery-cluster.{region}.amazonaws.com", AwsProtocol.Json);

    /// <summary>The region a request is signed for: the global region if the service has one, else the request's.</summary>
    public string SigningRegion(string region) => GlobalSigningRegion ?? region;
}
