using FailoverOrchestrator.Configuration.Validation;
using Microsoft.Extensions.Options;

namespace FailoverOrchestrator.Configuration;

/// <summary>What the app has in one region.</summary>
public sealed class RegionOptions
{
    /// <summary>Gets or sets the Route 53 health check of this region's endpoint.</summary>
    [SettingRequired]
    [SettingPattern(
        "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$",
        ErrorMessage = "{0}: '{1}' is not a Route 53 health check id (a UUID such as 0d5e2b3c-4f1a-4c8e-9b7d-1a2b3c4d5e6f)")]
    public string HealthCheckId { get; set; } = string.Empty;

    /// <summary>Gets or sets the load balancer's DNS name (alias target or CNAME value).</summary>
    [SettingRequired]
    public string TargetDnsName { get; set; } = string.Empty;

    /// <summary>Gets or sets the load balancer's canonical hosted zone id (alias records only).</summary>
    public string? TargetHostedZoneId { get; set; }

    /// <summary>Gets or sets whether the alias evaluates the target's health.</summary>
    /// <value>Defaults to true.</value>
    public bool EvaluateTargetHealth { get; set; } = true;

    /// <summary>Gets or sets the ECS services in this region.</summary>
    [SettingCount(1, int.MaxValue, ErrorMessage = "{0}: no ECS service is configured")]
    [ValidateEnumeratedItems]
    public List<EcsServiceOptions> Services { get; set; } = [];

    /// <summary>Gets or sets the DynamoDB global tables whose replica in this region must be ACTIVE.</summary>
    [NoEmptyEntry(ErrorMessage = "{0}:{2}: empty; name a global table or remove the entry")]
    public List<string> GlobalTables { get; set; } = [];
}
