namespace FailoverOrchestrator.Aws.Route53;

/// <summary>A Route 53 change action.</summary>
internal enum ChangeAction
{
    Create,
    Delete,
    Upsert,
}

/// <summary>An alias target: the ALB's DNS name and its canonical hosted zone. Alias records carry no TTL.</summary>
internal sealed record AliasTarget(string HostedZoneId, string DnsName, bool EvaluateTargetHealth);

/// <summary>A record set: either an alias (A/AAAA) or plain values with a TTL (CNAME).</summary>
internal sealed record ResourceRecordSet(string Name, string Type, AliasTarget? AliasTarget, long? Ttl,
    IReadOnlyList<string> ResourceRecords)
{
    /// <summary>Distinguishes records of the same name and type under a routing policy (weighted, failover, ...); null for simple
    /// records.</summary>
    public string? SetIdentifier { get; init; }
}

/// <summary>One change of a batch.</summary>
internal sealed record Change(ChangeAction Action, ResourceRecordSet RecordSet);

/// <summary>A change batch, applied all or nothing.</summary>
internal sealed record ChangeBatch(IReadOnlyList<Change> Changes, string? Comment);

/// <summary>A change's id (without the <c>/change/</c> prefix) and status.</summary>
internal sealed record ChangeInfo(string Id, string Status, DateTimeOffset SubmittedAt)
{
    public bool IsInSync => string.Equals(Status, "INSYNC", StringComparison.Ordinal);
}

/// <summary>One health checker's latest observation.</summary>
internal sealed record HealthCheckObservation(string Region, string IpAddress, string Status);

/// <summary>The observations of all checkers of one health check.</summary>
internal sealed record HealthCheckStatus(IReadOnlyList<HealthCheckObservation> Observations)
{
    /// <summary>
    /// Route 53 deems an endpoint healthy when more than 18% of its checkers do; a checker's
    /// status text starts with "Success" when it saw the endpoint healthy.
    /// </summary>
    public bool IsHealthy =>
        Observations.Count > 0 &&
        Observations.Count(o => o.Status.StartsWith("Success", StringComparison.Ordinal)) > Observations.Count * 0.18;
}
