namespace FailoverOrchestrator.LocalCloud.Ecs;

/// <summary>An ECS service as DescribeServices would report it at one moment.</summary>
internal sealed record EcsServiceSnapshot(
    string Region,
    string ClusterName,
    string ClusterArn,
    string ServiceName,
    string ServiceArn,
    string Status,
    int DesiredCount,
    int RunningCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    /// <summary>Gets the tasks still starting: what the service lacks of its desired count.</summary>
    public int PendingCount => Math.Max(0, DesiredCount - RunningCount);
}
