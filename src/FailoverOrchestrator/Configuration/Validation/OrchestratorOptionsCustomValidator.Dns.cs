namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>The record against its type and zone, the way Route 53 would refuse it, before the outage rather than during it.</summary>
internal sealed partial class OrchestratorOptionsCustomValidator
{
    private static void ValidateDns(List<string> errors, string at, DnsRecordOptions dns)
    {
        var type = dns.RecordType;
        if (type is not ("A" or "AAAA" or "CNAME"))
        {
            // Named by the attribute; what follows depends on the type.
            return;
        }

        if (type is "A" or "AAAA" && dns.Ttl is not null)
        {
            errors.Add($"{at}:Ttl: an alias {type} record takes no TTL (Route 53 uses the target's); remove it");
        }

        if (type == "CNAME" && dns.Ttl is null or < 0 or > int.MaxValue)
        {
            errors.Add($"{at}:Ttl: a CNAME needs a TTL between 0 and 2147483647 seconds");
        }

        var record = DnsNames.Normalize(dns.RecordName);
        var zone = DnsNames.Normalize(dns.ZoneName);
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
}
