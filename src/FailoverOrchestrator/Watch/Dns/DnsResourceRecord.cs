namespace FailoverOrchestrator.Watch.Dns;

/// <summary>
/// One answer record: its owner name (lower case, no trailing dot), its type, its TTL and its value: the address of an
/// A or AAAA record, the target name of a CNAME; empty for a type the watch does not read.
/// </summary>
internal sealed record DnsResourceRecord(string Name, ushort Type, uint Ttl, string Value);
