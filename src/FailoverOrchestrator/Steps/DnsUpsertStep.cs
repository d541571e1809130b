using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Steps;

/// <summary>
/// Points the record at the target region's load balancer and waits until Route 53 reports INSYNC.
/// When the record exists it is replaced by DELETE(current)+CREATE(target) in one batch: Route 53 applies the batch
/// all or nothing, so a batch built from a record someone else has since changed is refused instead of overwriting it.
/// </summary>
internal sealed class DnsUpsertStep(IRoute53Client route53, TimeProvider time) : IFailoverStep
{

    /// <summary>
    /// Recorded as the change id just before the change is sent: a retry that finds it (the attempt died between
    /// Route 53's answer and recording the real id) knows a change of its own went out whose propagation it cannot follow.
    /// </summary>
    internal const string SubmittedWithoutId = "submitted; id not recorded";

    public string Name => StepNames.DnsUpsert;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var dns = context.App.Dns;
        var calls = new List<string>();
        var current = await ReadAsync(dns, calls, cancellationToken);
        RefuseRoutingPolicy(current);
        var target = DnsRecords.For(context.App, context.TargetRegion);
        if (current is not null && DnsRecords.SameTarget(current, target))
        {
            return await AlreadyMovedAsync(context, target, calls, cancellationToken);
        }

        var batch = Batch(current, target, context);
        calls.Add(DescribeChange(dns.HostedZoneId, batch));
        await context.Lease.EnsureHeldAsync("route53:ChangeResourceRecordSets", cancellationToken);
        await context.Lease.RecordDnsChangeAsync(SubmittedWithoutId, cancellationToken);
        var change = await route53.ChangeResourceRecordSetsAsync(dns.HostedZoneId, batch, cancellationToken);

        // Recorded before the wait, so that a retry after a timeout or a crash waits for this change instead of
        // reading the record as moved and reporting a switch Route 53 is still propagating.
        await context.Lease.RecordDnsChangeAsync(change.Id, cancellationToken);
        change = await WaitInSyncAsync(change, context, calls, cancellationToken);
        return StepOutcome.Succeeded(
            $"{target.Name} now points at {context.TargetRegion} ({DnsRecords.Describe(target)}); change {change.Id} INSYNC", calls);
    }

    // The record already points at the target: confirm the propagation of a change an earlier attempt sent, if any.
    private async Task<StepOutcome> AlreadyMovedAsync(
        StepContext context, ResourceRecordSet target, List<string> calls, CancellationToken cancellationToken)
    {
        if (context.Lease.DnsChangeId == SubmittedWithoutId)
        {
            var warning = $"the change an earlier attempt sent for {target.Name} has no recorded id, so its propagation (INSYNC) could "
                + $"not be confirmed; check the answer Route 53 serves";
            context.Warnings.Add(warning);
            return new StepOutcome(StepStatus.Warned,
                $"{target.Name} points at {context.TargetRegion} ({DnsRecords.Describe(target)}); {warning}", calls);
        }

        if (context.Lease.DnsChangeId is { } earlier)
        {
            // An earlier attempt of this execution made the change and stopped before it was INSYNC (a timeout, a
            // crash): the record reads as moved, but Route 53's servers may still answer the old one. Wait for it.
            calls.Add($"route53:GetChange id={earlier}");
            var pending = await route53.GetChangeAsync(earlier, cancellationToken);
            await WaitInSyncAsync(pending, context, calls, cancellationToken);
            return StepOutcome.Succeeded(
                $"{target.Name} points at {context.TargetRegion} ({DnsRecords.Describe(target)}); change {earlier} of an earlier "
                + $"attempt INSYNC", calls);
        }

        return StepOutcome.Unchanged($"{target.Name} already points at {context.TargetRegion} ({DnsRecords.Describe(target)})", calls);
    }

    private async Task<ChangeInfo> WaitInSyncAsync(ChangeInfo change, StepContext context, List<string> calls,
        CancellationToken cancellationToken)
    {
        var read = false;
        var inSync = await Polling.UntilAsync(
            async ct =>
            {
                if (read)
                {
                    calls.Add($"route53:GetChange id={change.Id}");
                    change = await route53.GetChangeAsync(change.Id, ct);
                }

                read = true;
                return change.IsInSync;
            },
            PollSchedule.Default,
            time.GetUtcNow().AddSeconds(context.App.DnsWaitSeconds),
            time,
            cancellationToken);

        return inSync
            ? change
            : throw new StepFailedException(Name,
                $"change {change.Id} is still {change.Status} after {context.App.DnsWaitSeconds}s; the record is changed but not yet "
                + $"propagated");
    }

    public async Task<StepOutcome> PlanAsync(StepContext context, CancellationToken cancellationToken)
    {
        var calls = new List<string>();
        var current = await ReadAsync(context.App.Dns, calls, cancellationToken);
        var target = DnsRecords.For(context.App, context.TargetRegion);
        if (current is not null && DnsRecords.SameTarget(current, target))
        {
            return StepOutcome.Planned($"{target.Name} already points at {context.TargetRegion}: no change", calls);
        }

        var batch = Batch(current, target, context);
        calls.Add(DescribeChange(context.App.Dns.HostedZoneId, batch));
        calls.Add($"route53:GetChange until INSYNC, at most {context.App.DnsWaitSeconds}s");
        return StepOutcome.Planned(
            $"move {target.Name} from {(current is null ? "nothing" : DnsRecords.Describe(current))} to {context.TargetRegion}", calls);
    }

    /// <summary>
    /// A weighted, latency or failover record set is one of several under the name; replacing it with a simple record
    /// would mix routing policies, which Route 53 refuses. Say so before changing anything rather than at the batch.
    /// </summary>
    private void RefuseRoutingPolicy(ResourceRecordSet? current)
    {
        if (current?.SetIdentifier is { } id)
        {
            throw new StepFailedException(Name,
                $"{current.Name} {current.Type} has a routing policy (set identifier '{id}'); this orchestrator moves a simple record "
                + $"only. Nothing was changed");
        }
    }

    private static string DescribeChange(string zone, ChangeBatch batch) =>
        $"route53:ChangeResourceRecordSets zone={zone} "
        + string.Join(" + ", batch.Changes.Select(c => $"{c.Action.ToString().ToUpperInvariant()} {DnsRecords.Describe(c.RecordSet)}"));

    private static ChangeBatch Batch(ResourceRecordSet? current, ResourceRecordSet target, StepContext context)
    {
        var comment =
            $"{context.Direction} {context.App.Name} {context.SourceRegion}->{context.TargetRegion} execution {context.ExecutionId}";
        return current is null
            ? new ChangeBatch([new Change(ChangeAction.Create, target)], comment)
            : new ChangeBatch([new Change(ChangeAction.Delete, current), new Change(ChangeAction.Create, target)], comment);
    }

    private async Task<ResourceRecordSet?> ReadAsync(DnsRecordOptions dns, List<string> calls, CancellationToken cancellationToken)
    {
        var name = DnsNames.Normalize(dns.RecordName);
        calls.Add($"route53:ListResourceRecordSets zone={dns.HostedZoneId} name={name} type={dns.RecordType} maxitems=1");
        var records = await route53.ListResourceRecordSetsAsync(dns.HostedZoneId, name, dns.RecordType, 1, cancellationToken);

        // ListResourceRecordSets starts at the name and type but returns the next record when there is no exact match.
        return records.FirstOrDefault(r => DnsNames.Normalize(r.Name) == name && r.Type == dns.RecordType);
    }
}
