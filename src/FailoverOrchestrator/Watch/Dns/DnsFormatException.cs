namespace FailoverOrchestrator.Watch.Dns;

/// <summary>A DNS message that cannot be decoded (truncated, a bad label, a compression loop), or a name that cannot be encoded.</summary>
internal sealed class DnsFormatException(string message) : Exception(message);
