using System.Collections.Concurrent;

namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>The load balancers whose names the DNS responder answers (in AWS's zones, not the user's). Thread-safe.</summary>
internal sealed class LoadBalancerDns
{
    private readonly ConcurrentDictionary<string, LoadBalancer> _byName = new(StringComparer.Ordinal);

    /// <summary>Gets how many load balancers are registered.</summary>
    public int Count => _byName.Count;

    public void Register(string dnsName, IReadOnlyList<string> addresses, Func<bool> healthy)
    {
        var name = DnsName.Normalize(dnsName);
        _byName[name] = new LoadBalancer(name, addresses, healthy);
    }

    /// <summary>The load balancer of <paramref name="name"/>; <c>dualstack.</c> in front names the same one, as ELB serves it.</summary>
    public LoadBalancer? Find(string name)
    {
        var normalized = DnsName.Normalize(name);
        if (normalized.StartsWith("dualstack.", StringComparison.Ordinal))
        {
            normalized = normalized["dualstack.".Length..];
        }

        return _byName.GetValueOrDefault(normalized);
    }
}
