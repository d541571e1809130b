using FailoverOrchestrator.Watch.Dns;

namespace FailoverOrchestrator.Watch;

/// <summary>What one watch run read: the probes of the primary's health endpoints, Route 53's DNS answer, and their region.</summary>
internal sealed record WatchReading(IReadOnlyList<ProbeResult> Probes, DnsVerdict Dns, string From);
