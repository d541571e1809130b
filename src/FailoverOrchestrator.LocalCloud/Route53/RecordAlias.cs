namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>The alias target of a record set (an ALB's DNS name and its canonical hosted zone).</summary>
internal sealed record RecordAlias(string HostedZoneId, string DnsName, bool EvaluateTargetHealth);
