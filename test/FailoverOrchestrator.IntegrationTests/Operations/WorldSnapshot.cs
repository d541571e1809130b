using Amazon.DynamoDBv2.DocumentModel;
using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.LocalCloud;

namespace FailoverOrchestrator.IntegrationTests.Operations;

/// <summary>
/// Everything an invocation could change, read back from LocalCloud and dynalite: the record, every ECS service, the
/// writer-control item and the state item. Two snapshots compare equal only when nothing was changed.
/// </summary>
internal sealed record WorldSnapshot(string Records, string Services, string Writer, string State, int AuditItems, int Changes)
{
    public static async Task<WorldSnapshot> TakeAsync(WorldHarness world)
    {
        var zone = world.App.Dns.HostedZoneId;
        var records = world.Cloud.Route53.GetRecords(zone).Select(r =>
            $"{r.Name} {r.Type} ttl={r.Ttl} "
                + $"alias={r.AliasTarget?.DnsName}/{r.AliasTarget?.HostedZoneId}/{r.AliasTarget?.EvaluateTargetHealth} "
                + $"values={string.Join(",", r.Values)}");
        var services = world.Cloud.Ecs.GetServices()
            .Select(s => $"{s.Region} {s.ClusterName}/{s.ServiceName} {s.Status} desired={s.DesiredCount} running={s.RunningCount}")
            .Order(StringComparer.Ordinal);
        var dynamo = world.World.DynamoDb(world.Options.Region!);
        return new WorldSnapshot(
            string.Join("\n", records),
            string.Join("\n", services),
            await ScanAsync(world, world.App.WriterControl.TableName),
            // The state item without the Suppressed-page claim: that bookkeeping is not a change to the app.
            await ScanAsync(world, world.Options.StateTable, "suppressedPagedFor"),
            (await dynamo.ScanAsync(new ScanRequest { TableName = world.Options.AuditTable, ConsistentRead = true })).Count ?? 0,
            world.Cloud.Calls.Count(LocalService.Route53, "ChangeResourceRecordSets")
                + world.Cloud.Calls.Count(LocalService.Ecs, "UpdateService"));
    }

    /// <summary>The writer-control item as the protected application reads it in <paramref name="region"/>.</summary>
    public static async Task<(string WriterRegion, long Epoch)> ReadWriterAsync(WorldHarness world, string region)
    {
        var control = world.App.WriterControl;
        var response = await world.World.DynamoDb(region).GetItemAsync(new GetItemRequest
        {
            TableName = control.TableName,
            Key = new() { ["pk"] = new AttributeValue { S = control.Key } },
            ConsistentRead = true,
        });
        return (response.Item["writerRegion"].S, long.Parse(response.Item["epoch"].N, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<string> ScanAsync(WorldHarness world, string table, string? without = null)
    {
        var response = await world.World.DynamoDb(world.Options.Region!)
            .ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true });
        return string.Join("\n",
            response.Items.Select(
            i => Document.FromAttributeMap(i.Where(a => a.Key != without).ToDictionary()).ToJson()).Order(StringComparer.Ordinal));
    }
}
