namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>One change of a change batch.</summary>
internal sealed record RecordChange(ChangeAction Action, RecordSet RecordSet);
