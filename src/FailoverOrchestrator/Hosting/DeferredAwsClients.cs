using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Aws.RecoveryCluster;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Aws.Sns;

namespace FailoverOrchestrator.Hosting;

/// <summary>
/// The Route 53, ECS, SNS and ARC cluster clients, built on their first call rather than at cold start: the signing HTTP client and
/// its retry pipeline cost tens of milliseconds to build, and most invocations (an OK transition, a rejected payload)
/// call no AWS service at all. Lambda's init is then shorter by that much (test/benchmarks/cold-start.mjs).
/// </summary>
internal sealed class DeferredAwsClients(Func<AwsClientFactory> create) : IRoute53Client, IEcsClient, ISnsClient, IRoutingControlClient,
    IDisposable
{
    private readonly Lazy<AwsClientFactory> _factory = new(create, LazyThreadSafetyMode.ExecutionAndPublication);

    public Task<ChangeInfo> ChangeResourceRecordSetsAsync(string hostedZoneId, ChangeBatch batch, CancellationToken cancellationToken) =>
        _factory.Value.Route53.ChangeResourceRecordSetsAsync(hostedZoneId, batch, cancellationToken);

    public Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken) =>
        _factory.Value.Route53.GetChangeAsync(changeId, cancellationToken);

    public Task<IReadOnlyList<ResourceRecordSet>> ListResourceRecordSetsAsync(string hostedZoneId, string name, string type, int maxItems,
        CancellationToken cancellationToken) =>
        _factory.Value.Route53.ListResourceRecordSetsAsync(hostedZoneId, name, type, maxItems, cancellationToken);

    public Task<HealthCheckStatus> GetHealthCheckStatusAsync(string healthCheckId, CancellationToken cancellationToken) =>
        _factory.Value.Route53.GetHealthCheckStatusAsync(healthCheckId, cancellationToken);

    public Task<EcsService> UpdateServiceAsync(string region, string cluster, string service, int desiredCount,
        CancellationToken cancellationToken) =>
        _factory.Value.Ecs.UpdateServiceAsync(region, cluster, service, desiredCount, cancellationToken);

    public Task<DescribeServicesResult> DescribeServicesAsync(string region, string cluster, IReadOnlyList<string> services,
        CancellationToken cancellationToken) =>
        _factory.Value.Ecs.DescribeServicesAsync(region, cluster, services, cancellationToken);

    public Task<string> PublishAsync(string topicArn, string subject, string message, IReadOnlyDictionary<string, string> stringAttributes,
        CancellationToken cancellationToken) =>
        _factory.Value.Sns.PublishAsync(topicArn, subject, message, stringAttributes, cancellationToken);

    public Task<ClusterAnswer<bool>> UpdateRoutingControlStatesAsync(IReadOnlyList<ClusterEndpoint> endpoints,
        IReadOnlyList<RoutingControlStateEntry> entries, CancellationToken cancellationToken) =>
        _factory.Value.RoutingControls.UpdateRoutingControlStatesAsync(endpoints, entries, cancellationToken);

    public Task<ClusterAnswer<RoutingControlReading>> GetRoutingControlStateAsync(IReadOnlyList<ClusterEndpoint> endpoints,
        string routingControlArn, CancellationToken cancellationToken) =>
        _factory.Value.RoutingControls.GetRoutingControlStateAsync(endpoints, routingControlArn, cancellationToken);

    public void Dispose()
    {
        if (_factory.IsValueCreated)
        {
            _factory.Value.Dispose();
        }
    }
}
