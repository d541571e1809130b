namespace FailoverOrchestrator.Aws.Route53;

/// <summary>The Route 53 operations the DNS and preflight steps use (REST-XML, global endpoint, signed for us-east-1).</summary>
internal interface IRoute53Client
{
    /// <summary>Submits a change batch; Route 53 applies it all or nothing. Ids may carry their <c>/hostedzone/</c> prefix.</summary>
    Task<ChangeInfo> ChangeResourceRecordSetsAsync(string hostedZoneId, ChangeBatch batch, CancellationToken cancellationToken);

    /// <summary>Reads a change's propagation status (PENDING or INSYNC). Ids may carry their <c>/change/</c> prefix.</summary>
    Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken);

    /// <summary>Lists record sets starting at <paramref name="name"/> and <paramref name="type"/> (the API's <c>name</c>, <c>type</c> and
    /// <c>maxitems</c>).</summary>
    Task<IReadOnlyList<ResourceRecordSet>> ListResourceRecordSetsAsync(string hostedZoneId, string name, string type, int maxItems,
        CancellationToken cancellationToken);

    /// <summary>Reads the latest observations of the health checkers.</summary>
    Task<HealthCheckStatus> GetHealthCheckStatusAsync(string healthCheckId, CancellationToken cancellationToken);
}
