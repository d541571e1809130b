namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>A query's question as the responder read it: id, recursion desired, name (lower case, trailing dot), type, class.</summary>
internal sealed record DnsQuestion(ushort Id, bool RecursionDesired, string Name, ushort Type, ushort Class);
