using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.RecoveryCluster;
using FailoverOrchestrator.Pipeline;

namespace FailoverOrchestrator.Steps;

/// <summary>
/// The routing-control part of preflight: the target's routing control exists and the cluster answers for it. A
/// control that is gone, or a cluster no endpoint of which answers, would fail the switch after the scale-up.
/// </summary>
internal sealed class RoutingControlReadiness(IRoutingControlClient cluster)
{
    public async Task CheckAsync(StepContext context, List<string> problems, List<string> calls, CancellationToken cancellationToken)
    {
        var (endpoints, target, _) = RoutingControlSwitchStep.Controls(context);
        calls.Add($"route53-recovery-cluster:GetRoutingControlState {target}");
        try
        {
            var answer = await cluster.GetRoutingControlStateAsync(endpoints, target, cancellationToken);
            if (answer.Failed.Count > 0)
            {
                calls[^1] += $" at {answer.AnsweredBy.Region} after {string.Join(", ", answer.Failed)}";
            }
        }
        catch (AwsServiceException ex) when (ex.ErrorCode == "ResourceNotFoundException")
        {
            problems.Add($"routing control {target} of {context.TargetRegion} does not exist in the cluster ({ex.AwsMessage})");
        }
        catch (AwsServiceException ex)
        {
            problems.Add($"routing control {target} of {context.TargetRegion} could not be read: {ex.ErrorCode}: {ex.AwsMessage}");
        }
    }
}
