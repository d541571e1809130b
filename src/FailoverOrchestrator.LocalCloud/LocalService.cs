namespace FailoverOrchestrator.LocalCloud;

/// <summary>The AWS services LocalCloud stands in for.</summary>
internal enum LocalService
{
    Route53,
    Ecs,
    Sns,
    RecoveryCluster,
}
