using System.Globalization;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>
/// The scheduled watch with its real parts: HTTP probes of LocalCloud's health endpoint, the watch attributes of the
/// state item in dynalite through the official SDK, the audit log, SNS, and the same lease as the alarm.
/// </summary>
public sealed class WatchTriggerTests
{
    private const string Primary = "us-east-1";

    [Fact]
    public async Task HandleAsync_WatchAndAlarmDeliveredTogether_OneFailover()
    {
        await using var world = await StartAsync("Failover");
        var probe = new WorldProbe(world);
        await world.Cloud.AppHealth.TakeDownAsync(Primary);

        var (first, _) = await world.InvokeAsync(Watch(world));
        world.Clock.Jump(TimeSpan.FromSeconds(61));
        using var forAlarm = world.CreateFunction();
        using var forWatch = world.CreateFunction();
        var both = await Task.WhenAll(WorldHarness.InvokeAsync(forAlarm, world.Alarm()), WorldHarness.InvokeAsync(forWatch, Watch(world)));

        Assert.Equal(Outcome.Watched, first!.Outcome);
        Assert.All(both, r => Assert.Null(r.Error));
        Assert.Single(both, r => r.Result!.Outcome == Outcome.FailedOver);
        Assert.Equal((1, 1, 1), probe.SideEffects());
        var state = await probe.StateAsync();
        Assert.Equal((Phase.Steady, probe.Standby, 1L), (state!.Phase, state.ActiveRegion, state.Epoch));
    }

    [Fact]
    public async Task HandleAsync_NotifyPolicyPrimaryFailing_PagesOnceWithTheCommandAndChangesNothing()
    {
        await using var world = await StartAsync("Notify");
        var probe = new WorldProbe(world);
        await world.Cloud.AppHealth.TakeDownAsync(Primary);

        var results = new List<FailoverResult>();
        for (var run = 0; run < 4; run++)
        {
            world.Clock.Jump(TimeSpan.FromSeconds(run == 0 ? 0 : 60));
            results.Add((await world.InvokeAsync(Watch(world))).Result!);
        }

        var repeated = (await world.InvokeAsync(Watch(world))).Result!;

        Assert.All(results.Append(repeated), r => Assert.Equal(Outcome.Watched, r.Outcome));
        Assert.Contains("paged on-call", results[1].Reason, StringComparison.Ordinal);
        Assert.Contains("late or repeated delivery", repeated.Reason, StringComparison.Ordinal);
        var page = Assert.Single(world.Cloud.Sns.GetMessages());
        Assert.StartsWith("[failover] PRIMARYDOWN shop", page.Subject, StringComparison.Ordinal);
        Assert.Contains("""{"command":"failover","app":"shop","confirm":"shop"}""", page.Message, StringComparison.Ordinal);
        Assert.Equal((0, 0, 1), probe.SideEffects());
        var state = await probe.StateAsync();
        Assert.Equal((Phase.Steady, Primary, 4L, 3), (state!.Phase, state.ActiveRegion, state.Watch!.Runs, state.Watch.History.Count));
        // The first run also found the standby ready (audited, not paged: nothing changed for the on-call).
        Assert.Equal(["WatchRecord", "StandbyReady", "WatchPage", "WatchRecord", "WatchRecord", "WatchSkipped"],
            (await probe.AuditAsync()).Select(e => e.Kind));
        var status = (await world.InvokeAsync(WorldHarness.Command("status"))).Result!.Status!;
        Assert.Equal(state.Watch.History, status.WatchHistory);
        Assert.StartsWith(state.Watch.LastRunAt!.Value.ToString("u", CultureInfo.InvariantCulture) + " failed http://127.0.0.1:",
            status.WatchHistory[0], StringComparison.Ordinal);
        Assert.Equal(state.Watch.FailingSince, status.WatchFailingSince);
    }

    private static Task<WorldHarness> StartAsync(string policy) => WorldHarness.StartAsync(
        [new("Orchestrator:Apps:shop:Watch:Policy", policy), new("Orchestrator:Apps:shop:Watch:FailedForSeconds", "60"),
            new("Orchestrator:Apps:shop:Watch:HistorySize", "3")],
        ofWorld: w =>
            [new("Orchestrator:Apps:shop:Watch:HealthEndpoints:0", new Uri(w.Cloud.AppHealth.Endpoint(Primary), "/health").ToString())]);

    /// <summary>The schedule's payload with Scheduler's scheduled time filled in from the harness clock.</summary>
    private static string Watch(WorldHarness world)
    {
        var scheduled = world.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return WorldHarness.Command("watch", $"\"scheduledTime\":\"{scheduled}\"");
    }
}
