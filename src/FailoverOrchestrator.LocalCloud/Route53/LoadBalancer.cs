using System.Net;
using System.Net.Sockets;

namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>
/// A load balancer's DNS name as AWS's own zones serve it: its addresses (documentation ranges, never contacted; they
/// only tell which load balancer an answer names), and its health as an alias that evaluates target health sees it.
/// </summary>
internal sealed record LoadBalancer(string Name, IReadOnlyList<string> Addresses, Func<bool> Healthy)
{
    public const uint Ttl = 60;

    /// <summary>The addresses an A (IPv4) or AAAA (IPv6) query gets; none for another type.</summary>
    public IEnumerable<string> AddressesFor(ushort type) => Addresses.Where(a =>
        (type == DnsAnswer.A && IPAddress.Parse(a).AddressFamily == AddressFamily.InterNetwork) ||
        (type == DnsAnswer.Aaaa && IPAddress.Parse(a).AddressFamily == AddressFamily.InterNetworkV6));
}
