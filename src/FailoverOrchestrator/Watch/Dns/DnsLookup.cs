using System.Net;

namespace FailoverOrchestrator.Watch.Dns;

/// <summary>What one query got from the resolver: its response, or why there was none (timeout, refused, malformed).</summary>
internal sealed record DnsLookup(IPEndPoint Server, DnsResponse? Response, string? Failure)
{
    public static DnsLookup Answered(IPEndPoint server, DnsResponse response) => new(server, response, null);

    public static DnsLookup Failed(IPEndPoint server, string failure) => new(server, null, failure);

    /// <summary>The values of the answer records of <paramref name="type"/>, in the order received.</summary>
    public IReadOnlyList<string> Values(DnsRecordType type) =>
        Response?.Answers.Where(a => a.Type == (ushort)type).Select(a => a.Value).ToList() ?? [];
}
