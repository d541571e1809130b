namespace FailoverOrchestrator.Configuration;

/// <summary>One ECS service and its desired counts when its region is active and when it is on standby.</summary>
public sealed class EcsServiceOptions
{
    /// <summary>Gets or sets the cluster name or ARN.</summary>
    public string Cluster { get; set; } = string.Empty;

    /// <summary>Gets or sets the service name.</summary>
    public string Service { get; set; } = string.Empty;

    /// <summary>Gets or sets the desired count while the region serves traffic.</summary>
    public int ActiveDesiredCount { get; set; }

    /// <summary>Gets or sets the desired count while the region is on standby (pilot light).</summary>
    public int StandbyDesiredCount { get; set; }
}
