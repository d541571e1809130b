namespace FailoverOrchestrator.Configuration;

/// <summary>How the DNS step moves traffic.</summary>
public enum DnsStrategy
{
    /// <summary>Change the record through the Route 53 API (ChangeResourceRecordSets, a control plane served from us-east-1).</summary>
    RecordChange,

    /// <summary>
    /// Flip Route 53 ARC routing controls (the target's On, the source's Off, in one transaction) on the cluster's data
    /// plane; failover records answer by the controls' RECOVERY_CONTROL health checks. Needs nothing in us-east-1.
    /// </summary>
    RoutingControl,
}
