namespace FailoverOrchestrator.Pipeline;

/// <summary>The names steps are configured, checkpointed and reported by.</summary>
internal static class StepNames
{
    public const string Preflight = "Preflight";
    public const string EcsScaleUp = "EcsScaleUp";
    public const string TargetHealthy = "TargetHealthy";
    public const string PromoteWriter = "PromoteWriter";
    public const string DnsUpsert = "DnsUpsert";
    public const string SnsNotify = "SnsNotify";
    public const string AuditLog = "AuditLog";
    public const string EcsScaleDown = "EcsScaleDown";

    /// <summary>Capacity before traffic, and traffic only to a target its health check calls healthy.</summary>
    public static readonly IReadOnlyList<string> DefaultOrder =
        [Preflight, EcsScaleUp, TargetHealthy, PromoteWriter, DnsUpsert, SnsNotify, AuditLog];

    public static readonly IReadOnlyList<string> All =
        [Preflight, EcsScaleUp, TargetHealthy, PromoteWriter, DnsUpsert, EcsScaleDown, SnsNotify, AuditLog];
}
