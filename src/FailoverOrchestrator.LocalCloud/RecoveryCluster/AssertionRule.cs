namespace FailoverOrchestrator.LocalCloud.RecoveryCluster;

/// <summary>
/// A safety rule of the assertion kind: after any transaction, at least <paramref name="Threshold"/> of the asserted
/// controls must be On (ARC's ATLEAST rule; AND and OR are ATLEAST n and ATLEAST 1). An update that would break it is refused.
/// </summary>
internal sealed record AssertionRule(string Arn, string Name, IReadOnlyList<string> AssertedControls, int Threshold);
