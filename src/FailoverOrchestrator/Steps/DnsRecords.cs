using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Configuration;

namespace FailoverOrchestrator.Steps;

/// <summary>Builds and compares the record a region should have.</summary>
internal static class DnsRecords
{
    /// <summary>The record that sends traffic to <paramref name="region"/>: an alias (no TTL) for A/AAAA, a value with a TTL for
    /// CNAME.</summary>
    public static ResourceRecordSet For(AppOptions app, string region)
    {
        var dns = app.Dns;
        var target = app.Regions[region];
        var name = DnsNames.Normalize(dns.RecordName);
        return dns.RecordType == "CNAME"
            ? new ResourceRecordSet(name, "CNAME", null, dns.Ttl, [target.TargetDnsName])
            : new ResourceRecordSet(name, dns.RecordType,
                new AliasTarget(target.TargetHostedZoneId!, DnsNames.Normalize(target.TargetDnsName), target.EvaluateTargetHealth), null,
                []);
    }

    /// <summary>Whether the record already sends traffic where <paramref name="target"/> does (DNS names compare without case or trailing
    /// dot).</summary>
    public static bool SameTarget(ResourceRecordSet current, ResourceRecordSet target)
    {
        if (target.AliasTarget is { } alias)
        {
            return current.AliasTarget is { } now &&
                   DnsNames.Normalize(StripDualStack(now.DnsName)) == DnsNames.Normalize(StripDualStack(alias.DnsName)) &&
                   TrimZone(now.HostedZoneId) == TrimZone(alias.HostedZoneId) &&
                   now.EvaluateTargetHealth == alias.EvaluateTargetHealth;
        }

        return current.AliasTarget is null &&
               current.ResourceRecords.Count == 1 &&
               DnsNames.Normalize(current.ResourceRecords[0]) == DnsNames.Normalize(target.ResourceRecords[0]) &&
               current.Ttl == target.Ttl;
    }

    public static string Describe(ResourceRecordSet record) =>
        record.AliasTarget is { } alias
            ? $"{record.Name} {record.Type} alias {alias.DnsName} (zone {alias.HostedZoneId}, evaluateTargetHealth "
                + $"{alias.EvaluateTargetHealth.ToString().ToLowerInvariant()})"
            : $"{record.Name} {record.Type} {string.Join(",", record.ResourceRecords)} ttl {record.Ttl}";

    // Route 53 returns an ALB alias as "dualstack.<name>" when it was created that way.
    private static string StripDualStack(string name) =>
        name.StartsWith("dualstack.", StringComparison.OrdinalIgnoreCase) ? name["dualstack.".Length..] : name;

    private static string TrimZone(string id) => id.Replace("/hostedzone/", string.Empty, StringComparison.Ordinal);
}
