using FailoverOrchestrator.Configuration.Validation;

namespace FailoverOrchestrator.Configuration;

/// <summary>One ECS service and its desired counts when its region is active and when it is on standby.</summary>
public sealed class EcsServiceOptions
{
    /// <summary>Gets or sets the cluster name or ARN.</summary>
    [SettingRequired]
    public string Cluster { get; set; } = string.Empty;

    /// <summary>Gets or sets the service name.</summary>
    [SettingRequired]
    public string Service { get; set; } = string.Empty;

    /// <summary>Gets or sets the desired count while the region serves traffic.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = "{0}: {1} cannot serve traffic; it must be at least 1")]
    public int ActiveDesiredCount { get; set; }

    /// <summary>Gets or sets the desired count while the region is on standby (pilot light).</summary>
    [SettingRange(0, int.MaxValue, ErrorMessage = "{0}: {1} is negative; 0 is a pilot light")]
    public int StandbyDesiredCount { get; set; }
}
