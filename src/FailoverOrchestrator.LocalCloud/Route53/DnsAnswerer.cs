namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>
/// Route 53's DNS data plane over the store: answers a name and type from the hosted zones' records and the load
/// balancers' names, evaluating health at the time of the query and never through the Route 53 API, so it keeps
/// answering while that API refuses connections. Alias records answer under the queried name with the target's
/// values; a CNAME is followed, as the VPC resolver the function asks would.
/// </summary>
internal sealed class DnsAnswerer(Route53Store route53, LoadBalancerDns loadBalancers, Func<string, bool?> routingControlOn)
{
    private const int MaxChain = 8;

    public (int ResponseCode, IReadOnlyList<DnsAnswer> Answers) Answer(string name, ushort type)
    {
        var answers = new List<DnsAnswer>();
        var code = Resolve(DnsName.Normalize(name), type, answers, 0);
        return (code, answers);
    }

    private int Resolve(string name, ushort type, List<DnsAnswer> answers, int depth)
    {
        if (depth > MaxChain)
        {
            return DnsPacket.ServerFailure;
        }

        if (loadBalancers.Find(name) is { } balancer)
        {
            answers.AddRange(balancer.AddressesFor(type).Select(a => new DnsAnswer(name, type, LoadBalancer.Ttl, a)));
            return 0;
        }

        var code = FindGroup(name, type, out var group);
        if (group.Count == 0)
        {
            return code;
        }

        var chosen = Choose(group);
        if (chosen.AliasTarget is { } alias)
        {
            var target = new List<DnsAnswer>();
            code = Resolve(alias.DnsName, type, target, depth + 1);
            answers.AddRange(target.Where(a => a.Type == type).Select(a => a with { Name = name }));
            return code;
        }

        var ttl = (uint)(chosen.Ttl ?? 300);
        if (chosen.Type == "CNAME")
        {
            AnswerCname(name, type, DnsName.Normalize(chosen.Values[0]), ttl, answers, depth);
            return 0;
        }

        answers.AddRange(chosen.Values.Select(v => new DnsAnswer(name, type, ttl, v)));
        return 0;
    }

    /// <summary>
    /// The records that answer <paramref name="name"/> and <paramref name="type"/>: those of the type, else a CNAME at
    /// the name. None, with the response code: REFUSED outside every zone, NXDOMAIN for a name without records, NOERROR
    /// for a name without records of the type.
    /// </summary>
    private int FindGroup(string name, ushort type, out List<RecordSet> group)
    {
        group = [];
        if (route53.FindZoneOf(name) is not { } zoneId)
        {
            return DnsPacket.Refused;
        }

        var atName = route53.GetRecords(zoneId).Where(r => r.Name == name).ToList();
        if (atName.Count == 0)
        {
            return DnsPacket.NameError;
        }

        group = atName.Where(r => r.Type == TypeName(type)).ToList();
        if (group.Count == 0 && type != DnsAnswer.Cname)
        {
            group = atName.Where(r => r.Type == "CNAME").ToList();
        }

        return 0;
    }

    private void AnswerCname(string name, ushort type, string canonical, uint ttl, List<DnsAnswer> answers, int depth)
    {
        answers.Add(new DnsAnswer(name, DnsAnswer.Cname, ttl, canonical));
        if (type != DnsAnswer.Cname)
        {
            // The resolver follows the chain as far as it can; a target it cannot resolve leaves the CNAME alone.
            var rest = new List<DnsAnswer>();
            if (Resolve(canonical, type, rest, depth + 1) == 0)
            {
                answers.AddRange(rest);
            }
        }
    }

    /// <summary>
    /// Route 53's choice within a group of one name and type (Developer Guide, "How Amazon Route 53 chooses records when
    /// health checking is configured"): a record without a health check is always healthy; one with a health check is as
    /// healthy as the check's current status (the checkers' periodic verdict, not a check at query time); an alias with
    /// EvaluateTargetHealth inherits its target's health; if no record of the group is healthy, Route 53 considers them
    /// all healthy and chooses by the routing policy. For failover that is: PRIMARY while healthy, else SECONDARY while
    /// healthy, else PRIMARY. A RECOVERY_CONTROL health check is healthy while its routing control is On.
    /// </summary>
    private RecordSet Choose(List<RecordSet> group)
    {
        var primary = group.FirstOrDefault(r => r.Failover == "PRIMARY");
        var secondary = group.FirstOrDefault(r => r.Failover == "SECONDARY");
        if (primary is null || secondary is null)
        {
            return primary ?? secondary ?? group[0];
        }

        return Healthy(primary) || !Healthy(secondary) ? primary : secondary;
    }

    private bool Healthy(RecordSet record) =>
        (record.HealthCheckId is not { } id || CheckHealthy(id)) &&
        (record.AliasTarget is not { EvaluateTargetHealth: true } alias || loadBalancers.Find(alias.DnsName)?.Healthy() != false);

    private bool CheckHealthy(string healthCheckId) =>
        route53.RoutingControlOf(healthCheckId) is { } arn ? routingControlOn(arn) == true : route53.IsHealthyNow(healthCheckId);

    private static string TypeName(ushort type) => type switch
    {
        DnsAnswer.A => "A",
        DnsAnswer.Aaaa => "AAAA",
        DnsAnswer.Cname => "CNAME",
        _ => $"TYPE{type}",
    };
}
