using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;

namespace FailoverOrchestrator.Steps;

/// <summary>
/// Preflight's read of the target's Route 53 health check: unhealthy is a problem only while its tasks run
/// (serving); a Route 53 API that does not answer blocks a record change and is a warning for a
/// routing-control switch, which does not need it.
/// </summary>
internal static class TargetHealthRead
{
    public static async Task CheckAsync(
        IRoute53Client route53,
        StepContext context,
        string healthCheckId,
        bool serving,
        List<string> problems,
        List<string> calls,
        CancellationToken cancellationToken)
    {
        calls.Add($"route53:GetHealthCheckStatus HealthCheckId={healthCheckId}");
        try
        {
            var status = await route53.GetHealthCheckStatusAsync(healthCheckId, cancellationToken);
            if (serving && !status.IsHealthy)
            {
                var healthy = status.Observations.Count(o => o.Status.StartsWith("Success", StringComparison.Ordinal));
                problems.Add(
                    $"health check {healthCheckId} is unhealthy although its tasks run ({healthy} of {status.Observations.Count} checkers "
                    + "report success)");
            }
        }
        catch (AwsServiceException ex) when (Route53ApiOutage.IsOutage(ex))
        {
            if (context.App.Dns.Strategy == DnsStrategy.RoutingControl)
            {
                context.Warnings.Add(Route53ApiOutage.IgnoredForRoutingControl(healthCheckId, ex));
            }
            else
            {
                problems.Add(Route53ApiOutage.BlocksRecordChange(context.App, context.TargetRegion, ex));
            }
        }
        catch (AwsServiceException ex)
        {
            problems.Add($"health check {healthCheckId} could not be read: {ex.ErrorCode}: {ex.AwsMessage}");
        }
    }
}
