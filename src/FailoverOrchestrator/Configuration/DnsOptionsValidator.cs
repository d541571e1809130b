namespace FailoverOrchestrator.Configuration;

/// <summary>Checks the record settings the way Route 53 would, before the outage rather than during it.</summary>
internal static class DnsOptionsValidator
{
    public static void Validate(List<string> errors, string at, DnsRecordOptions dns)
    {
        OrchestratorOptionsValidator.Require(errors, $"{at}:HostedZoneId", dns.HostedZoneId);
        OrchestratorOptionsValidator.Require(errors, $"{at}:ZoneName", dns.ZoneName);
        OrchestratorOptionsValidator.Require(errors, $"{at}:RecordName", dns.RecordName);
        var type = dns.RecordType;
        if (type is not ("A" or "AAAA" or "CNAME"))
        {
            errors.Add($"{at}:RecordType: '{type}' is not A, AAAA (alias to the load balancer) or CNAME");
            return;
        }

        if (type is "A" or "AAAA" && dns.Ttl is not null)
        {
            errors.Add($"{at}:Ttl: an alias {type} record takes no TTL (Route 53 uses the target's); remove it");
        }

        if (type == "CNAME" && dns.Ttl is null or < 0 or > 2147483647)
        {
            errors.Add($"{at}:Ttl: a CNAME needs a TTL between 0 and 2147483647 seconds");
        }

        var record = Normalize(dns.RecordName);
        var zone = Normalize(dns.ZoneName);
        if (record.Length == 0 || zone.Length == 0)
        {
            return;
        }

        if (record != zone && !record.EndsWith("." + zone, StringComparison.Ordinal))
        {
            errors.Add($"{at}:RecordName: '{dns.RecordName}' is not inside the zone '{dns.ZoneName}'");
        }

        if (type == "CNAME" && record == zone)
        {
            errors.Add($"{at}:RecordType: a CNAME cannot be at the zone apex '{dns.ZoneName}'; use an alias A or AAAA record");
        }
    }

    /// <summary>Lower case with the trailing dot, the form Route 53 returns.</summary>
    public static string Normalize(string name) =>
        string.IsNullOrWhiteSpace(name) ? string.Empty : name.Trim().TrimEnd('.').ToLowerInvariant() + ".";
}
