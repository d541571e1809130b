using FailoverOrchestrator.Configuration.Validation;

namespace FailoverOrchestrator.Configuration;

/// <summary>The whole configuration, bound from the <c>Orchestrator</c> section (file <c>orchestrator.json</c>, then
/// <c>Orchestrator__...</c> environment variables).</summary>
public sealed class OrchestratorOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Orchestrator";

    /// <summary>Gets or sets the region of the state and audit tables (the orchestrator's own region).</summary>
    /// <value>Defaults to <c>AWS_REGION</c>.</value>
    [SettingRequired(ErrorMessage = "{0}: not set and AWS_REGION is not set either: name the region of the state and audit tables")]
    [AwsRegion]
    public string? Region { get; set; }

    /// <summary>Gets or sets the state table (one item per app: phase, lease, epoch, checkpoint).</summary>
    [SettingRequired]
    public string StateTable { get; set; } = "failover-state";

    /// <summary>Gets or sets the audit table (one immutable item per event).</summary>
    [SettingRequired]
    public string AuditTable { get; set; } = "failover-audit";

    /// <summary>Gets or sets the days an audit item is kept (the TTL attribute); 0 keeps items forever.</summary>
    /// <value>Defaults to 0.</value>
    [SettingRange(0, int.MaxValue, ErrorMessage = "{0}: {1} is negative (0 keeps audit items forever)")]
    public int AuditRetentionDays { get; set; }

    /// <summary>Gets or sets the function timeout configured on the Lambda function, in seconds.</summary>
    /// <value>
    /// Defaults to 330 (the template's default): the default ECS, health and DNS waits (290 s), the replication catch-up
    /// wait (8 s), 10 s for the calls around them and the 8 s the function keeps before its deadline to record a failure
    /// (316 s) fit; the lease must be shorter.
    /// </value>
    [SettingRange(10, 900, ErrorMessage = "{0}: {1} is outside Lambda's 10..900 seconds")]
    public int FunctionTimeoutSeconds { get; set; } = 330;

    /// <summary>Gets or sets the protected applications, by name.</summary>
    [SettingCount(1, int.MaxValue, ErrorMessage = "{0}: no app is configured")]
    public Dictionary<string, AppOptions> Apps { get; set; } = new(StringComparer.Ordinal);
}
