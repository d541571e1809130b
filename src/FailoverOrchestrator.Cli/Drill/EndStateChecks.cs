using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Steps;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>Reads the world back, not the handler's answer: what a verifier would look at in AWS after a switch.</summary>
internal static class EndStateChecks
{
    public static DrillCheck RecordPointsAt(DrillSession s, string region)
    {
        var expected = DnsRecords.For(s.App, region);
        var zone = s.App.Dns.HostedZoneId;
        var record = s.World.Cloud.Route53.FindRecord(zone, expected.Name, expected.Type);
        var actual = record?.AliasTarget?.DnsName ?? string.Join(",", record?.Values ?? []);
        var wanted = expected.AliasTarget?.DnsName ?? expected.ResourceRecords[0];
        return new DrillCheck($"record {expected.Name} points at {region}",
            string.Equals(actual.TrimEnd('.'), wanted.TrimEnd('.'), StringComparison.OrdinalIgnoreCase), $"it points at {actual}");
    }

    public static IEnumerable<DrillCheck> ServicesAt(DrillSession s, string region, bool active)
    {
        foreach (var service in s.App.Regions[region].Services)
        {
            var desired = active ? service.ActiveDesiredCount : service.StandbyDesiredCount;
            var found = s.World.Cloud.Ecs.GetService(region, service.Cluster, service.Service);
            var running = found?.RunningCount ?? -1;
            var ok = found?.DesiredCount == desired && (!active || running >= Math.Ceiling(desired * s.App.RunningShare));
            yield return new DrillCheck(
                $"{region} {service.Cluster}/{service.Service} at its {(active ? "active" : "standby")} count "
                    + $"{desired}{(active ? " and running" : string.Empty)}",
                ok,
                $"desired {found?.DesiredCount}, running {running}");
        }
    }

    public static async Task<DrillCheck> WriterIsAsync(DrillSession s, string? region)
    {
        var control = s.App.WriterControl;
        var writer = await new DynamoDbWriterControl(s.World.DynamoDbClients, TimeProvider.System)
            .ReadAsync(s.App.StandbyRegion, control.TableName, control.Key, CancellationToken.None);
        return region is null
            ? new DrillCheck("writer-control item untouched", writer is null, writer is null
                ? "no writer item" : $"writer {writer.WriterRegion} at epoch {writer.Epoch}")
            : new DrillCheck($"{region} promoted to writer", writer?.WriterRegion == region, writer is null
                ? "no writer item" : $"writer {writer.WriterRegion} at epoch {writer.Epoch} by {writer.ExecutionId}");
    }

    /// <summary>What the writer-control item says in <paramref name="replica"/>'s replica: the application there reads only its
    /// own.</summary>
    public static async Task<DrillCheck> ReplicaShowsWriterAsync(DrillSession s, string replica, string writerRegion)
    {
        var control = s.App.WriterControl;
        var writer = await new DynamoDbWriterControl(s.World.DynamoDbClients, TimeProvider.System)
            .ReadAsync(replica, control.TableName, control.Key, CancellationToken.None);
        return new DrillCheck($"{replica}'s replica shows {writerRegion} as the writer", writer?.WriterRegion == writerRegion,
            writer is null ? "no writer item there" : $"writer {writer.WriterRegion} at epoch {writer.Epoch}");
    }

    public static DrillCheck Notifications(DrillSession s, int expected, string? subjectStartsWith = null)
    {
        var messages = s.World.Cloud.Sns.GetMessages(s.App.TopicArn);
        var subjects = string.Join(" | ", messages.Select(m => m.Subject));
        var ok = messages.Count == expected
            && (subjectStartsWith is null || messages.Any(m => m.Subject?.StartsWith(subjectStartsWith, StringComparison.Ordinal) == true));
        var what = subjectStartsWith is null ? string.Empty : $" (\"{subjectStartsWith}...\")";
        return new DrillCheck($"exactly {expected} notification{(expected == 1 ? string.Empty : "s")}{what}", ok,
            $"{messages.Count}: {subjects}");
    }

    public static async Task<DrillCheck> StateIsAsync(DrillSession s, Phase phase, string region)
    {
        var state = await new DynamoDbStateStore(s.World.DynamoDbClients, s.Options.Region!, s.Options.StateTable)
            .GetAsync(s.App.Name, CancellationToken.None);
        return new DrillCheck($"state item {phase} in {region}", state?.Phase == phase && state.ActiveRegion == region, state is null
            ? "no state item" : $"{state.Phase} in {state.ActiveRegion}, epoch {state.Epoch}");
    }

    /// <summary>The execution's audit trail reads back complete: trigger, lease, every step started and finished, completion.</summary>
    public static async Task<DrillCheck> AuditCompleteAsync(DrillSession s, string? executionId, IReadOnlyList<string> steps)
    {
        var events = (await AuditAsync(s)).Where(e => e.ExecutionId == executionId).ToList();
        var kinds = events.Select(e => e.Kind).ToList();
        var missing = new List<string>();
        foreach (var needed in new[] { "TriggerReceived", "Completed" })
        {
            if (!kinds.Contains(needed))
            {
                missing.Add(needed);
            }
        }

        if (!kinds.Any(k => k is "LeaseAcquired" or "LeaseTakenOver"))
        {
            missing.Add("LeaseAcquired");
        }

        missing.AddRange(
            steps.Where(
            step =>
            !events.Any(
            e => e.Step == step && e.Kind.StartsWith("Step", StringComparison.Ordinal) && e.Kind != "StepStarted"
            && e.Kind != "StepFailed")).Select(step => $"{step} finished"));
        return new DrillCheck("audit trail complete", missing.Count == 0, missing.Count == 0
            ? $"{events.Count} events of {executionId}" : "missing: " + string.Join(", ", missing));
    }

    public static async Task<IReadOnlyList<AuditEvent>> AuditAsync(DrillSession s) =>
        await new DynamoDbAuditLog(s.World.DynamoDbClients, s.Options.Region!, s.Options.AuditTable, null)
            .ReadAsync(s.App.Name, 500, CancellationToken.None);

    public static DrillCheck CalledOnce(DrillSession s, LocalService service, string operation)
    {
        var calls = s.World.Cloud.Calls.Snapshot().Count(c => c.Service == service && c.Operation == operation && c.StatusCode < 400);
        return new DrillCheck($"{service} {operation} succeeded exactly once", calls == 1, $"{calls} successful call(s)");
    }

    public static DrillCheck NotCalled(DrillSession s, LocalService service, string operation)
    {
        var calls = s.World.Cloud.Calls.Count(service, operation);
        return new DrillCheck($"no {service} {operation}", calls == 0, $"{calls} call(s)");
    }
}
