using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;

namespace FailoverOrchestrator.Steps;

/// <summary>
/// One poll of the target region's Route 53 health check for <see cref="TargetHealthyStep"/>: true once it is healthy,
/// or once waiting cannot help (the check cannot be read, or Route 53's API is out under the routing-control strategy);
/// what it saw stays on the poll for the step's verdict.
/// </summary>
internal sealed class HealthCheckPoll(IRoute53Client route53, StepContext context, string healthCheckId)
{
    /// <summary>The calls made, one per poll.</summary>
    public List<string> Calls { get; } = [];

    /// <summary>Why the last answer was not healthy; null when it was.</summary>
    public string? Last { get; private set; }

    /// <summary>Why the health check could not be read; null when it could.</summary>
    public string? Unreadable { get; private set; }

    /// <summary>The warning for a Route 53 API outage ignored under the routing-control strategy.</summary>
    public string? Outage { get; private set; }

    public async Task<bool> ReadAsync(CancellationToken ct)
    {
        Calls.Add($"route53:GetHealthCheckStatus HealthCheckId={healthCheckId}");
        try
        {
            var status = await route53.GetHealthCheckStatusAsync(healthCheckId, ct);
            var healthy = status.Observations.Count(o => o.Status.StartsWith("Success", StringComparison.Ordinal));
            Last = status.IsHealthy
                ? null : $"health check {healthCheckId} of {context.TargetRegion} is unhealthy ({healthy} of "
                + $"{status.Observations.Count} checkers report success)";
            return status.IsHealthy;
        }
        catch (AwsServiceException ex) when (context.App.Dns.Strategy == DnsStrategy.RoutingControl
            && Route53ApiOutage.IsOutage(ex))
        {
            Outage = Route53ApiOutage.IgnoredForRoutingControl(healthCheckId, ex);
            return true;
        }
        catch (AwsServiceException ex)
        {
            // The client has retried what can be retried; a missing or forbidden health check does not heal by waiting.
            Unreadable = $"health check {healthCheckId} could not be read: {ex.ErrorCode}: {ex.AwsMessage}";
            return true;
        }
    }
}
