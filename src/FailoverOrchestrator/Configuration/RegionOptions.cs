namespace FailoverOrchestrator.Configuration;

/// <summary>What the app has in one region.</summary>
public sealed class RegionOptions
{
    /// <summary>Gets or sets the Route 53 health check of this region's endpoint.</summary>
    public string HealthCheckId { get; set; } = string.Empty;

    /// <summary>Gets or sets the load balancer's DNS name (alias target or CNAME value).</summary>
    public string TargetDnsName { get; set; } = string.Empty;

    /// <summary>Gets or sets the load balancer's canonical hosted zone id (alias records only).</summary>
    public string? TargetHostedZoneId { get; set; }

    /// <summary>Gets or sets whether the alias evaluates the target's health.</summary>
    /// <value>Defaults to true.</value>
    public bool EvaluateTargetHealth { get; set; } = true;

    /// <summary>Gets or sets the ECS services in this region.</summary>
    public List<EcsServiceOptions> Services { get; set; } = [];

    /// <summary>Gets or sets the DynamoDB global tables whose replica in this region must be ACTIVE.</summary>
    public List<string> GlobalTables { get; set; } = [];
}
