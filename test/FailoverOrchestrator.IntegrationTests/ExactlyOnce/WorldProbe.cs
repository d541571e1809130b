using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.Route53;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>Reads what a world ended with (state item, writer-control item, audit trail, side-effecting calls) and puts it back on the
/// primary.</summary>
internal sealed class WorldProbe(WorldHarness world)
{
    public string App => world.App.Name;

    public string Standby => world.App.StandbyRegion;

    public Task<AppState?> StateAsync() =>
        new DynamoDbStateStore(world.World.DynamoDbClients, world.Options.Region!, world.Options.StateTable)
            .GetAsync(App, CancellationToken.None);

    public Task<WriterState?> WriterAsync() =>
        new DynamoDbWriterControl(new WorldClients(world), world.Clock)
            .ReadAsync(Standby, world.App.WriterControl.TableName, world.App.WriterControl.Key, CancellationToken.None);

    /// <summary>The app's audit events, oldest first, without the execution summaries (whose fixed sequence sorts them by time
    /// only).</summary>
    public async Task<IReadOnlyList<AuditEvent>> AuditAsync(DateTimeOffset? since = null)
    {
        var events = await new DynamoDbAuditLog(world.World.DynamoDbClients, world.Options.Region!, world.Options.AuditTable, null)
            .ReadAsync(App, 1000, CancellationToken.None);
        return events.Where(e => e.Kind != "Summary" && (since is null || e.Timestamp >= since)).ToList();
    }

    /// <summary>The calls that change the world: ECS UpdateService, Route 53 ChangeResourceRecordSets, SNS Publish.</summary>
    public (int UpdateService, int ChangeRecords, int Publish) SideEffects() =>
        (world.Cloud.Calls.Count(LocalService.Ecs, "UpdateService"),
         world.Cloud.Calls.Count(LocalService.Route53, "ChangeResourceRecordSets"),
         world.Cloud.Calls.Count(LocalService.Sns, "Publish"));

    private string Zone => world.App.Dns.HostedZoneId.Replace("/hostedzone/", string.Empty, StringComparison.Ordinal);

    public string RecordTarget() =>
        world.Cloud.Route53.FindRecord(Zone, world.App.Dns.RecordName, world.App.Dns.RecordType)!.AliasTarget!.DnsName;

    /// <summary>Back to the provisioned world: record on the primary, provisioned ECS counts, no state or writer item, an empty call
    /// log.</summary>
    public async Task RestorePrimaryAsync()
    {
        var app = world.App;
        var primary = app.Regions[app.PrimaryRegion];
        world.Cloud.Route53.PutRecord(Zone,
            RecordSet.Alias(
            app.Dns.RecordName, app.Dns.RecordType, primary.TargetHostedZoneId!, primary.TargetDnsName, primary.EvaluateTargetHealth));
        foreach (var (region, settings) in app.Regions)
        {
            foreach (var service in settings.Services)
            {
                var count = region == app.PrimaryRegion ? service.ActiveDesiredCount : service.StandbyDesiredCount;
                world.Cloud.Ecs.SetCounts(region, service.Cluster, service.Service, count, count);
            }
        }

        await world.World.DynamoDb(world.Options.Region!)
            .DeleteItemAsync(new DeleteItemRequest { TableName = world.Options.StateTable, Key = StateItem.Key(App) });
        await world.World.DynamoDb(Standby).DeleteItemAsync(new DeleteItemRequest
        {
            TableName = app.WriterControl.TableName,
            Key = new() { ["pk"] = new AttributeValue { S = app.WriterControl.Key } },
        });
        world.Cloud.Calls.Clear();
    }

    private sealed class WorldClients(WorldHarness world) : IDynamoDbClientFactory
    {
        public Amazon.DynamoDBv2.IAmazonDynamoDB GetClient(string region) => world.World.DynamoDb(region);
    }
}
