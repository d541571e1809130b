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
        var app = s.App;
        var (primary, standby) = (app.PrimaryRegion, app.StandbyRegion);
        var orders = app.Regions[primary].GlobalTables[0];
        await SeedWriterAsync(s, primary, cancellationToken);

        await using var east = new SampleApplication(s.World, primary, orders, app.WriterControl.TableName, app.WriterControl.Key, CacheFor,
            TimeProvider.System);
        await using var west = new SampleApplication(s.World, standby, orders, app.WriterControl.TableName, app.WriterControl.Key, CacheFor,
            TimeProvider.System);
        east.Start();
        west.Start();
        await Task.Delay(TimeSpan.FromMilliseconds(400), cancellationToken);

        ScenarioKit.TakePrimaryDown(s, timeline);
        s.World.Router!.Isolate(primary);
        s.World.Replicator!.Pause();
        timeline.Insert(1,
            new TimelineEntry(
            TimeSpan.Zero,
            $"  {primary}'s DynamoDB is unreachable and replication between the regions stops; the application runs on in both regions",
            null, ScenarioKit.Drill));

        var failover = await s.InvokeAsync("alarm delivery", ScenarioKit.Alarm(s));
        ScenarioKit.AddSteps(s, timeline, failover, withTtl: false);

        // The primary comes back: its replica receives what replication held back, each item on its own (the writer
        // item among them), and once the writer item is there its application reaches it again and goes on writing.
        s.World.Replicator.Resume();
        await WaitForWriterAsync(s, primary, standby, cancellationToken);
        s.World.Router.Isolate(primary, isolated: false);
        timeline.Add(
            new TimelineEntry(
            s.Clock.GetUtcNow() - s.OutageAt, $"{primary} comes back; its application keeps trying to write", null, ScenarioKit.Drill));
        await Task.Delay(TimeSpan.FromMilliseconds(600), cancellationToken);
        var refusedBefore = east.Refused;
        await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);

        var writer = await new DynamoDbWriterControl(s.World.DynamoDbClients, TimeProvider.System)
            .ReadAsync(standby, app.WriterControl.TableName, app.WriterControl.Key, cancellationToken);
        var promotedAt = writer?.UpdatedAt ?? DateTimeOffset.MaxValue;
        var eastAfter = east.Accepted.Count(t => t >= promotedAt);
        var westAfter = west.Accepted.Count(t => t >= promotedAt);
        var counts = string.Create(CultureInfo.InvariantCulture,
            $"after the promotion at {promotedAt:HH:mm:ss.fff}Z: {primary} accepted {eastAfter}, {standby} accepted {westAfter}; before it "
            + $"{primary} accepted {east.Accepted.Count - eastAfter}");
        timeline.Add(new TimelineEntry(s.Clock.GetUtcNow() - s.OutageAt, "writes accepted " + counts, null, ScenarioKit.Measured));

        var checks = await FailoverChecks.FailedOverAsync(s, failover.Result?.ExecutionId);
        checks.Add(await EndStateChecks.ReplicaShowsWriterAsync(s, primary, standby));
        checks.Add(
            new DrillCheck(
            $"the old primary {primary} accepted no write after the promotion", eastAfter == 0 && east.Accepted.Count > 0, counts));
        checks.Add(new DrillCheck($"the new writer {standby} accepted writes after the promotion", westAfter > 0, counts));
        checks.Add(
            new DrillCheck(
            $"{primary}'s application kept trying and was refused", east.Refused > refusedBefore, $"{east.Refused} refused in all"));
        return Result(s, failover.Result?.Outcome, timeline, checks, ScenarioKit.Rto(s, failover));
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
