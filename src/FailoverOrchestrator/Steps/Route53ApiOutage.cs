using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Steps;

/// <summary>
/// Tells an outage of the Route 53 API (route53.amazonaws.com: a control plane served from us-east-1) from an answer it
/// gave, and says what it means for the app's traffic switch. A RecordChange switch cannot run without that API; a
/// RoutingControl switch does not need it, and a health check it cannot read there is no reason to stop.
/// </summary>
internal static class Route53ApiOutage
{
    /// <summary>No answer (connection refused or dropped, timed out) or a server-side error after the client's retries.</summary>
    public static bool IsOutage(AwsServiceException e) =>
        e.ErrorCode is "NetworkError" or "AttemptTimeout" || (int)e.StatusCode >= 500;

    public static string Describe(AwsServiceException e) =>
        $"the Route 53 API (route53.amazonaws.com, a control plane served from us-east-1) did not answer ({e.ErrorCode})";

    /// <summary>Why a RecordChange app cannot switch now, and what the on-call does about it.</summary>
    public static string BlocksRecordChange(AppOptions app, string target, AwsServiceException e) =>
        $"{Describe(e)}: this app moves traffic by changing the record {app.Dns.RecordName} through that API (Dns:Strategy "
            + $"RecordChange), " +
        $"so the switch to {target} cannot run. Manual step: when route53.amazonaws.com answers again, run "
            + $"{OperatorCommands.Failover(app.Name)}; " +
        "to switch without it, configure Route 53 ARC routing controls (Dns:Strategy RoutingControl)";

    /// <summary>What a RoutingControl app notes and goes on with.</summary>
    public static string IgnoredForRoutingControl(string healthCheckId, AwsServiceException e) =>
        $"health check {healthCheckId} not read: {Describe(e)}; not needed to switch by routing controls";
}
