using System.Net;

namespace FailoverOrchestrator.Watch.Dns;

/// <summary>Asks one DNS resolver one question.</summary>
internal interface IDnsResolver
{
    /// <summary>Never throws for what the resolver does (silent, refused, malformed): that is the lookup's failure.</summary>
    Task<DnsLookup> QueryAsync(IPEndPoint server, string name, DnsRecordType type, TimeSpan timeout, CancellationToken cancellationToken);
}
