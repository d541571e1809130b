using System.Globalization;
using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>
/// The application runs in both regions and follows the README's writer rules. The primary region goes dark (its
/// DynamoDB too, and replication between the regions stops), the failover promotes the standby, then the primary
/// comes back and its application keeps trying to write: it must refuse every write once the writer item has reached
/// its replica. The drill counts the writes each region accepted after the promotion: none in the old primary.
/// </summary>
internal sealed class SplitBrainGuardScenario : DrillScenario
{
    /// <summary>The applications' cache of the writer item (the README's example keeps 5 s; short here, as the drill's time is
    /// short).</summary>
    private static readonly TimeSpan CacheFor = TimeSpan.FromMilliseconds(200);

    public override string Name => "split-brain-guard";

    public override string Description =>
        "the application writes in both regions under the writer rules; the primary comes back after the promotion: it accepts no write "
        + "once the writer item reaches it";

    public override Outcome Expected => Outcome.FailedOver;

    /// <summary>The dark region refuses at once here; a second is enough for the source read.</summary>
    public override IReadOnlyList<KeyValuePair<string, string?>> Overrides =>
        [new("Orchestrator:Apps:shop:Replication:SourceReadTimeoutSeconds", "1")];

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        var (primary, standby) = (s.App.PrimaryRegion, s.App.StandbyRegion);
        await SeedWriterAsync(s, primary, cancellationToken);
        await using var east = Application(s, primary);
        await using var west = Application(s, standby);
        east.Start();
        west.Start();
        await Task.Delay(TimeSpan.FromMilliseconds(400), cancellationToken);

        PartitionPrimary(s, timeline);
        var failover = await ScenarioKit.DeliverAlarmAsync(s, timeline, withTtl: false);
        var refusedBefore = await PrimaryComesBackAsync(s, timeline, east, cancellationToken);

        var writes = await WritesAfterPromotionAsync(s, timeline, east, west, cancellationToken);
        var checks = await FailoverChecks.FailedOverAsync(s, failover.Result?.ExecutionId);
        checks.Add(await EndStateChecks.ReplicaShowsWriterAsync(s, primary, standby));
        checks.AddRange(writes);
        checks.Add(
            new DrillCheck(
            $"{primary}'s application kept trying and was refused", east.Refused > refusedBefore, $"{east.Refused} refused in all"));
        return Result(s, failover.Result?.Outcome, timeline, checks, ScenarioKit.Rto(s, failover));
    }

    /// <summary>The application in <paramref name="region"/>, under the README's writer rules, not yet started.</summary>
    private static SampleApplication Application(DrillSession s, string region)
    {
        var app = s.App;
        return new SampleApplication(s.World, region, app.Regions[app.PrimaryRegion].GlobalTables[0], app.WriterControl.TableName,
            app.WriterControl.Key, CacheFor, TimeProvider.System);
    }

    /// <summary>The primary goes down and its DynamoDB with it; replication between the regions stops.</summary>
    private static void PartitionPrimary(DrillSession s, List<TimelineEntry> timeline)
    {
        var primary = s.App.PrimaryRegion;
        ScenarioKit.TakePrimaryDown(s, timeline);
        s.World.Router!.Isolate(primary);
        s.World.Replicator!.Pause();
        timeline.Insert(1,
            new TimelineEntry(
            TimeSpan.Zero,
            $"  {primary}'s DynamoDB is unreachable and replication between the regions stops; the application runs on in both regions",
            null, ScenarioKit.Drill));
    }

    /// <summary>
    /// The primary comes back: its replica receives what replication held back, each item on its own (the writer item
    /// among them), and once the writer item is there its application reaches it again and goes on writing. Returns how many
    /// of its writes had been refused a moment after it came back.
    /// </summary>
    private static async Task<int> PrimaryComesBackAsync(
        DrillSession s, List<TimelineEntry> timeline, SampleApplication east, CancellationToken cancellationToken)
    {
        var (primary, standby) = (s.App.PrimaryRegion, s.App.StandbyRegion);
        s.World.Replicator!.Resume();
        await WaitForWriterAsync(s, primary, standby, cancellationToken);
        s.World.Router!.Isolate(primary, isolated: false);
        ScenarioKit.AddNow(s, timeline, $"{primary} comes back; its application keeps trying to write");
        await Task.Delay(TimeSpan.FromMilliseconds(600), cancellationToken);
        var refusedBefore = east.Refused;
        await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
        return refusedBefore;
    }

    /// <summary>The writes each region accepted after the promotion (the writer item's time), on the timeline and checked.</summary>
    private static async Task<List<DrillCheck>> WritesAfterPromotionAsync(
        DrillSession s, List<TimelineEntry> timeline, SampleApplication east, SampleApplication west, CancellationToken cancellationToken)
    {
        var (primary, standby) = (s.App.PrimaryRegion, s.App.StandbyRegion);
        var writer = await new DynamoDbWriterControl(s.World.DynamoDbClients, TimeProvider.System)
            .ReadAsync(standby, s.App.WriterControl.TableName, s.App.WriterControl.Key, cancellationToken);
        var promotedAt = writer?.UpdatedAt ?? DateTimeOffset.MaxValue;
        var eastAfter = east.Accepted.Count(t => t >= promotedAt);
        var westAfter = west.Accepted.Count(t => t >= promotedAt);
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"after the promotion at {promotedAt:HH:mm:ss.fff}Z: {primary} accepted {eastAfter}, {standby} accepted {westAfter}; before it "
            + $"{primary} accepted {east.Accepted.Count - eastAfter}");
        timeline.Add(new TimelineEntry(s.Clock.GetUtcNow() - s.OutageAt, "writes accepted " + counts, null, ScenarioKit.Measured));
        return
        [
            new($"the old primary {primary} accepted no write after the promotion", eastAfter == 0 && east.Accepted.Count > 0, counts),
            new($"the new writer {standby} accepted writes after the promotion", westAfter > 0, counts),
        ];
    }

    /// <summary>Watches the replica itself (past the router, which still cuts the region off) until the writer item is there.</summary>
    private static async Task WaitForWriterAsync(DrillSession s, string replica, string writer, CancellationToken cancellationToken)
    {
        var control = s.App.WriterControl;
        var request = new GetItemRequest { TableName = control.TableName, Key = new() { ["pk"] = new AttributeValue { S = control.Key } },
            ConsistentRead = true };
        for (var i = 0; i < 200; i++)
        {
            var item = (await s.World.Replicator!.Replica(replica).GetItemAsync(request, cancellationToken)).Item;
            if (item is { Count: > 0 } && item.TryGetValue("writerRegion", out var region) && region.S == writer)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }

    /// <summary>The deployment's starting point: the primary is the writer at epoch 0 (no item would refuse every write).</summary>
    private static async Task SeedWriterAsync(DrillSession s, string primary, CancellationToken cancellationToken)
    {
        var control = s.App.WriterControl;
        await s.World.DynamoDb(primary).PutItemAsync(new PutItemRequest
        {
            TableName = control.TableName,
            Item = new()
            {
                ["pk"] = new AttributeValue { S = control.Key },
                ["writerRegion"] = new AttributeValue { S = primary },
                ["epoch"] = new AttributeValue { N = "0" },
            },
        }, cancellationToken);
        await s.World.Replicator!.DrainAsync(TimeSpan.FromSeconds(10), cancellationToken);
    }
}
