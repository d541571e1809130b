namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>One answer record the responder sends: owner name (trailing dot), type, TTL, and the value (an address or a name).</summary>
internal sealed record DnsAnswer(string Name, ushort Type, uint Ttl, string Value)
{
    public const ushort A = 1;
    public const ushort Cname = 5;
    public const ushort Aaaa = 28;
}
