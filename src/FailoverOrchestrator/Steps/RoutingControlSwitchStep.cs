using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.RecoveryCluster;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Steps;

/// <summary>
/// Moves traffic on the Route 53 ARC data plane: the target's routing control On and the source's Off in one
/// UpdateRoutingControlStates transaction (so the cluster's safety rules judge the switch as a whole, and traffic is
/// never to neither region), then reads the target's state back. Failover records answer by the controls' health
/// checks, so nothing here calls the Route 53 API in us-east-1. Setting a state it already has changes nothing, so a
/// retry simply sends the same transaction.
/// </summary>
internal sealed class RoutingControlSwitchStep(IRoutingControlClient cluster) : IFailoverStep
{
    /// <summary>Error codes by which the cluster refuses the update itself; every endpoint would answer the same.</summary>
    private static readonly HashSet<string> Refusals = new(StringComparer.Ordinal) { "ConflictException", "ServiceLimitExceededException" };

    public string Name => StepNames.DnsUpsert;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var (endpoints, target, source) = Controls(context);
        var calls = new List<string>();
        var before = await cluster.GetRoutingControlStateAsync(endpoints, target, cancellationToken);
        calls.Add(Describe("GetRoutingControlState", target, before));
        if (before.Value.State == RoutingControlState.On && await IsOffAsync(endpoints, source, calls, cancellationToken))
        {
            return StepOutcome.Unchanged(
                $"routing control {Label(before.Value)} of {context.TargetRegion} is already On and {context.SourceRegion}'s is Off",
                calls);
        }

        await context.Lease.EnsureHeldAsync("route53-recovery-cluster:UpdateRoutingControlStates", cancellationToken);
        var update = await SwitchOnAsync(context, endpoints, target, source, cancellationToken);
        calls.Add(Describe($"UpdateRoutingControlStates {context.TargetRegion}=On {context.SourceRegion}=Off", null, update));
        var after = await cluster.GetRoutingControlStateAsync(endpoints, target, cancellationToken);
        calls.Add(Describe("GetRoutingControlState", target, after));
        if (after.Value.State != RoutingControlState.On)
        {
            throw new StepFailedException(Name,
                $"the cluster accepted the update but reads routing control {Label(after.Value)} of {context.TargetRegion} as "
                + $"{after.Value.State}");
        }

        var skipped = update.Failed.Count == 0 ? string.Empty : $" (unavailable: {string.Join(", ", update.Failed)})";
        return StepOutcome.Succeeded(
            $"routing control {Label(after.Value)} of {context.TargetRegion} On, {context.SourceRegion}'s Off, in one transaction through "
                + $"the cluster endpoint in {update.AnsweredBy.Region}{skipped}; read back On",
            calls);
    }

    /// <summary>Turns the target's control On and the source's Off in one transaction; a refusal ends the execution.</summary>
    private async Task<ClusterAnswer<bool>> SwitchOnAsync(
        StepContext context, IReadOnlyList<ClusterEndpoint> endpoints, string target, string source, CancellationToken cancellationToken)
    {
        try
        {
            return await cluster.UpdateRoutingControlStatesAsync(
                endpoints,
                    [new RoutingControlStateEntry(target, RoutingControlState.On),
                    new RoutingControlStateEntry(source, RoutingControlState.Off)], cancellationToken);
        }
        catch (AwsServiceException e) when (Refusals.Contains(e.ErrorCode))
        {
            throw new StepFailedException(Name, Refused(context, e, target, source), e) { Terminal = true };
        }
    }

    public async Task<StepOutcome> PlanAsync(StepContext context, CancellationToken cancellationToken)
    {
        var (endpoints, target, source) = Controls(context);
        var calls = new List<string>();
        var now = await cluster.GetRoutingControlStateAsync(endpoints, target, cancellationToken);
        calls.Add(Describe("GetRoutingControlState", target, now));
        calls.Add(
            $"route53-recovery-cluster:UpdateRoutingControlStates {target}=On {source}=Off (one transaction; endpoints tried in turn: "
            + $"{string.Join(", ", endpoints.Select(e => e.Region))})");
        calls.Add($"route53-recovery-cluster:GetRoutingControlState {target} (must read On)");
        return StepOutcome.Planned(
            $"turn {context.TargetRegion}'s routing control {Label(now.Value)} On (now {now.Value.State}) and {context.SourceRegion}'s Off",
            calls);
    }

    /// <summary>The cluster's endpoints and the two controls, from the validated settings.</summary>
    internal static (IReadOnlyList<ClusterEndpoint> Endpoints, string Target, string Source) Controls(StepContext context)
    {
        var options = context.App.RoutingControl;
        var endpoints = options.ClusterEndpoints.Select(e => new ClusterEndpoint(new Uri(e.Endpoint), e.Region)).ToList();
        return (endpoints, options.ControlArns[context.TargetRegion], options.ControlArns[context.SourceRegion]);
    }

    private async Task<bool> IsOffAsync(IReadOnlyList<ClusterEndpoint> endpoints, string source, List<string> calls,
        CancellationToken cancellationToken)
    {
        var reading = await cluster.GetRoutingControlStateAsync(endpoints, source, cancellationToken);
        calls.Add(Describe("GetRoutingControlState", source, reading));
        return reading.Value.State == RoutingControlState.Off;
    }

    private static string Refused(StepContext context, AwsServiceException e, string target, string source) =>
        $"the Route 53 ARC cluster refused to turn {context.TargetRegion} On and {context.SourceRegion} Off ({e.ErrorCode}: "
            + $"{e.AwsMessage}). " +
        "Nothing was switched: the routing controls are as they were, and traffic goes where they send it. A safety rule of the control "
            + "panel, " +
        "or a concurrent change of its controls, stops this transaction; retrying would be refused the same way. Manual step: read the "
            + "rules " +
        "(aws route53-recovery-control-config list-safety-rules --control-panel-arn <panel>), and if the switch must happen anyway, a "
            + "human overrides " +
        $"them deliberately: aws route53-recovery-cluster update-routing-control-states --update-routing-control-state-entries "
            + $"RoutingControlArn={target},RoutingControlState=On RoutingControlArn={source},RoutingControlState=Off " +
        "--safety-rules-to-override <rule arn> --endpoint-url <a cluster endpoint> --region <its region>";

    private static string Describe<T>(string operation, string? arn, ClusterAnswer<T> answer) =>
        $"route53-recovery-cluster:{operation}{(arn is null ? string.Empty : " " + arn)} at {answer.AnsweredBy.Region}" +
        (answer.Failed.Count == 0 ? string.Empty : $" after {string.Join(", ", answer.Failed)}");

    private static string Label(RoutingControlReading reading) => reading.Name ?? reading.RoutingControlArn;
}
