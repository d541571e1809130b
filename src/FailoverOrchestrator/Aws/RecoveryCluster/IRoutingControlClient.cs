namespace FailoverOrchestrator.Aws.RecoveryCluster;

/// <summary>
/// The Route 53 ARC cluster operations the traffic switch uses (the data plane of routing controls). Each call tries
/// the cluster's endpoints in turn until one answers.
/// </summary>
internal interface IRoutingControlClient
{
    /// <summary>Sets every entry's state in one transaction, which the cluster evaluates against its safety rules as a whole.</summary>
    /// <exception cref="AwsServiceException">
    /// An answer no other endpoint would change (for example ConflictException or ServiceLimitExceededException when the
    /// update is refused), or <c>NoClusterEndpointAnswered</c> when every endpoint failed.
    /// </exception>
    Task<ClusterAnswer<bool>> UpdateRoutingControlStatesAsync(IReadOnlyList<ClusterEndpoint> endpoints,
        IReadOnlyList<RoutingControlStateEntry> entries, CancellationToken cancellationToken);

    /// <summary>Reads one routing control's state.</summary>
    /// <exception cref="AwsServiceException">As for <see cref="UpdateRoutingControlStatesAsync"/>; ResourceNotFoundException for an unknown
    /// control.</exception>
    Task<ClusterAnswer<RoutingControlReading>> GetRoutingControlStateAsync(IReadOnlyList<ClusterEndpoint> endpoints,
        string routingControlArn, CancellationToken cancellationToken);
}
