using System.Net;
using FailoverOrchestrator.Configuration;

namespace FailoverOrchestrator.Watch.Dns;

/// <summary>
/// Resolves an app's health record (Watch:Dns:RecordName) and tells which region it names. A CNAME record answers the
/// target's name, compared with each region's TargetDnsName. An alias A/AAAA record answers the load balancer's
/// addresses, not its name, so the two regions' TargetDnsNames are resolved in the same run and the addresses compared:
/// overlap with one region's only is that region.
/// </summary>
internal sealed class DnsVerdictReader(IDnsResolver resolver, Func<IPEndPoint?> systemResolver)
{
    public async Task<DnsVerdict> ReadAsync(AppOptions app, CancellationToken cancellationToken)
    {
        var settings = app.Watch.Dns;
        if (!settings.Enabled)
        {
            return DnsVerdict.NotConfigured;
        }

        if ((settings.ResolverEndPoint() ?? systemResolver()) is not { } server)
        {
            return new(DnsAnswerSide.Unreachable, $"no resolver: Watch:Dns:Resolver is empty and {ResolvConf.Path} names no nameserver");
        }

        var timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        var name = DnsQuery.Normalize(settings.RecordName);
        var primary = DnsQuery.Normalize(app.Regions[app.PrimaryRegion].TargetDnsName);
        var standby = DnsQuery.Normalize(app.Regions[app.StandbyRegion].TargetDnsName);
        if (app.Dns.RecordType == "CNAME")
        {
            var lookup = await resolver.QueryAsync(server, name, DnsRecordType.Cname, timeout, cancellationToken);
            return Failure(lookup, name, "CNAME")
                ?? Compare(name, "CNAME", lookup.Values(DnsRecordType.Cname), [primary], [standby], server);
        }

        var type = app.Dns.RecordType == "AAAA" ? DnsRecordType.Aaaa : DnsRecordType.A;
        var lookups = await Task.WhenAll(
            resolver.QueryAsync(server, name, type, timeout, cancellationToken),
            resolver.QueryAsync(server, primary, type, timeout, cancellationToken),
            resolver.QueryAsync(server, standby, type, timeout, cancellationToken));
        var typeName = app.Dns.RecordType;
        return Failure(lookups[0], name, typeName)
            ?? Failure(lookups[1], primary, typeName, $"the primary's load balancer ({app.PrimaryRegion})")
            ?? Failure(lookups[2], standby, typeName, $"the standby's load balancer ({app.StandbyRegion})")
            ?? Compare(name, typeName, lookups[0].Values(type), lookups[1].Values(type), lookups[2].Values(type), server);
    }

    private static DnsVerdict? Failure(DnsLookup lookup, string name, string type, string? what = null)
    {
        if (lookup.Response is not { } response)
        {
            return new(what is null ? DnsAnswerSide.Unreachable : DnsAnswerSide.Unknown, $"{name} {type}: {lookup.Failure}");
        }

        return response.ResponseCode == DnsResponse.NoError
            ? null
            : new(DnsAnswerSide.Unknown, $"{name} {type}: {response.ResponseCodeName} from {lookup.Server}"
                + (what is null ? string.Empty : $", so {what} cannot be told"));
    }

    private static DnsVerdict Compare(
        string name,
        string type,
        IReadOnlyList<string> answer,
        IReadOnlyList<string> primary,
        IReadOnlyList<string> standby,
        IPEndPoint server)
    {
        var values = answer.Select(DnsQuery.Normalize).ToHashSet(StringComparer.Ordinal);
        var isPrimary = primary.Select(DnsQuery.Normalize).Any(values.Contains);
        var isStandby = standby.Select(DnsQuery.Normalize).Any(values.Contains);
        var got = values.Count == 0 ? "no record" : string.Join(",", answer);
        var detail = $"{name} {type} = {got} from {server}";
        return (isPrimary, isStandby) switch
        {
            (true, false) => new(DnsAnswerSide.Primary, detail),
            (false, true) => new(DnsAnswerSide.Secondary, detail),
            (true, true) => new(DnsAnswerSide.Unknown, $"{detail}: both regions' values"),
            _ => new(DnsAnswerSide.Unknown,
                $"{detail}: neither region's value ({string.Join(",", primary)} / {string.Join(",", standby)})"),
        };
    }
}
