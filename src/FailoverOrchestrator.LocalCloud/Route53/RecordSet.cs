namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>A resource record set as Route 53 holds it: an alias, or values with a TTL.</summary>
internal sealed record RecordSet
{
    public required string Name { get; init; }

    public required string Type { get; init; }

    public string? SetIdentifier { get; init; }

    public long? Weight { get; init; }

    public string? Region { get; init; }

    public string? Failover { get; init; }

    public long? Ttl { get; init; }

    public IReadOnlyList<string> Values { get; init; } = [];

    public RecordAlias? AliasTarget { get; init; }

    public string? HealthCheckId { get; init; }

    /// <summary>Creates a plain record set, for example an A record with its addresses.</summary>
    public static RecordSet Plain(string name, string type, long ttl, params string[] values) =>
        new() { Name = DnsName.Normalize(name), Type = type, Ttl = ttl, Values = values };

    /// <summary>Creates an alias record set (no TTL: Route 53 uses the target's).</summary>
    public static RecordSet Alias(string name, string type, string targetZoneId, string targetDnsName, bool evaluateTargetHealth) =>
        new()
        {
            Name = DnsName.Normalize(name),
            Type = type,
            AliasTarget = new RecordAlias(targetZoneId, DnsName.Normalize(targetDnsName), evaluateTargetHealth),
        };

    /// <summary>Whether both name the same record set: the same name, type and set identifier.</summary>
    public bool SameKey(RecordSet other) =>
        Name == other.Name && Type == other.Type && SetIdentifier == other.SetIdentifier;

    /// <summary>Whether every field matches, as Route 53 requires of a DELETE (value order does not matter).</summary>
    public bool SameContent(RecordSet other) =>
        SameKey(other)
        && Weight == other.Weight
        && Region == other.Region
        && Failover == other.Failover
        && Ttl == other.Ttl
        && AliasTarget == other.AliasTarget
        && HealthCheckId == other.HealthCheckId
        && Values.Order(StringComparer.Ordinal).SequenceEqual(other.Values.Order(StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Describes the record set the way Route 53's messages do: <c>[name='x.', type='A']</c>.</summary>
    public string Describe() =>
        SetIdentifier is null
            ? $"[name='{Name}', type='{Type}']"
            : $"[name='{Name}', type='{Type}', set-identifier='{SetIdentifier}']";
}
