namespace FailoverOrchestrator.Watch.Dns;

/// <summary>The resource record types the watch asks for and reads (RFC 1035 section 3.2.2; AAAA: RFC 3596).</summary>
internal enum DnsRecordType : ushort
{
    A = 1,
    Cname = 5,
    Aaaa = 28,
}
