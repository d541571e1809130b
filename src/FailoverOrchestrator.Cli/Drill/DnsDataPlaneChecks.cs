using FailoverOrchestrator.Watch.Dns;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>Asks LocalCloud's DNS data plane, with the function's own stub resolver, what clients of a record would get.</summary>
internal static class DnsDataPlaneChecks
{
    /// <summary>The record answers the addresses of <paramref name="region"/>'s load balancer (and none of the other region's).</summary>
    public static async Task<DrillCheck> AnswersWithAsync(DrillSession s, string recordName, string region, string why)
    {
        var resolver = new UdpDnsResolver();
        var server = s.World.Cloud.Dns.EndPoint;
        var timeout = TimeSpan.FromSeconds(2);
        var other = region == s.App.PrimaryRegion ? s.App.StandbyRegion : s.App.PrimaryRegion;
        Task<DnsLookup> Ask(string name) => resolver.QueryAsync(server, name, DnsRecordType.A, timeout, CancellationToken.None);
        var answer = await Ask(recordName);
        var wanted = await Ask(s.App.Regions[region].TargetDnsName);
        var unwanted = await Ask(s.App.Regions[other].TargetDnsName);
        var got = answer.Values(DnsRecordType.A);
        var ok = got.Count > 0 && got.All(wanted.Values(DnsRecordType.A).Contains) && !got.Any(unwanted.Values(DnsRecordType.A).Contains);
        return new DrillCheck(
            $"Route 53's DNS data plane answers {recordName} with {region}'s load balancer ({why})",
            ok,
            answer.Failure ?? $"{string.Join(",", got)} from {server}");
    }
}
