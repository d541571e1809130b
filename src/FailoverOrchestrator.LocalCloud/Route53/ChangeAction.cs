namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>The action of one change in a Route 53 change batch.</summary>
internal enum ChangeAction
{
    Create,
    Delete,
    Upsert,
}
