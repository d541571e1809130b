using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.LocalCloud.World;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>
/// us-east-1 goes dark: every endpoint LocalCloud serves there refuses (<see cref="LocalWorld.GoDarkAsync"/>: the Route 53
/// API, which is served from us-east-1, the ARC cluster endpoint and the app's health endpoint close their ports; ECS, SNS
/// and DynamoDB requests signed for us-east-1 are cut without an answer) while DNS keeps answering and the other regions
/// work; a call to us-east-1 answered anyway would fail the scenario. CloudWatch and EventBridge in us-east-1 are dark
/// too, so no alarm arrives (none is sent). With
/// RoutingControl and WatchPolicy Failover the scheduled watch (running in us-west-2) sees the primary fail for
/// Watch:FailedForSeconds, its probes confirmed by Route 53's DNS data plane (the health record answers the standby
/// while the Route 53 API refuses connections), and starts the switch, which completes exactly once on the ARC data
/// plane; with RecordChange
/// the on-call's failover command ends as a notified Blocked that names the Route 53 API and the manual step.
/// </summary>
internal sealed class UsEast1DarkScenario(DnsStrategy strategy) : DrillScenario
{
    internal const string DarkRegion = "us-east-1";

    public override string Name => strategy == DnsStrategy.RoutingControl ? "us-east-1-dark" : "us-east-1-dark-record-change";

    public override string Description => strategy == DnsStrategy.RoutingControl
        ? "every us-east-1 endpoint refuses (Route 53 API, ARC, ECS, SNS, DynamoDB, the app's health endpoint; no alarm) while DNS "
            + "answers; the scheduled watch (WatchPolicy Failover), its probes confirmed by Route 53's DNS answer, switches by "
            + "routing controls, exactly once"
        : "every us-east-1 endpoint refuses while DNS answers; the app switches by record change, which needs the Route 53 API: "
            + "a notified Blocked before any change, naming it and the manual step";

    public override Outcome Expected => strategy == DnsStrategy.RoutingControl ? Outcome.FailedOver : Outcome.Blocked;

    public override IReadOnlyList<KeyValuePair<string, string?>> Overrides => strategy == DnsStrategy.RoutingControl
        ? [.. ArcEndpointDownScenario.RoutingControlSettings, new("Orchestrator:Apps:shop:Watch:Policy", "Failover")]
        : [new("Orchestrator:Region", "us-west-2")];

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        await GoDarkAsync(s, timeline);
        cancellationToken.ThrowIfCancellationRequested();

        var command = strategy == DnsStrategy.RoutingControl
            ? await WatchUntilItActsAsync(s, timeline, cancellationToken)
            : await OnCallFailsOverAsync(s);
        ScenarioKit.AddSteps(s, timeline, command, withTtl: strategy == DnsStrategy.RoutingControl);
        AddRefusals(s, timeline, command);

        return strategy == DnsStrategy.RoutingControl
            ? Result(s, command.Result?.Outcome, timeline, await UsEast1DarkChecks.SwitchedByWatchAsync(s, command), WatchRto(s, command))
            : Result(s, command.Result?.Outcome, timeline, await UsEast1DarkChecks.BlockedAsync(s, command));
    }

    /// <summary>
    /// At T+0 every endpoint in the dark region refuses and the primary's tasks stop; Route 53's health checkers (in regions
    /// other than us-east-1 too) can no longer reach the primary's endpoint: its health check fails, and the DNS data plane,
    /// which keeps answering, serves the health record's SECONDARY.
    /// </summary>
    private static async Task GoDarkAsync(DrillSession s, List<TimelineEntry> timeline)
    {
        var app = s.App;
        s.OutageAt = s.Clock.GetUtcNow();
        var dark = await s.World.GoDarkAsync(DarkRegion);
        foreach (var service in app.Regions[app.PrimaryRegion].Services)
        {
            s.World.Cloud.Ecs.SetCounts(app.PrimaryRegion, service.Cluster, service.Service, service.ActiveDesiredCount, 0);
        }

        s.World.Cloud.Route53.SetHealthCheckStatus(
            app.Regions[app.PrimaryRegion].HealthCheckId,
            healthy: false,
            "Failure: Connection timed out. The endpoint or the internet connection is down, " +
            "or requests are being blocked by your firewall.");
        timeline.Add(new TimelineEntry(
            TimeSpan.Zero,
            $"{DarkRegion} goes dark, DNS still answers; refusing: {string.Join("; ", dark)}; no alarm can come (CloudWatch, EventBridge)",
            null,
            ScenarioKit.Drill));
    }

    /// <summary>With RecordChange there is no watch to act: the on-call runs the failover command.</summary>
    private static async Task<DrillInvocation> OnCallFailsOverAsync(DrillSession s)
    {
        s.Progress.Say($"{DarkRegion} is dark; no alarm can arrive from it: the on-call runs the failover command");
        return await s.InvokeAsync("operator failover", AlarmPayloads.Command("failover", s.App, $"{DarkRegion} is dark"));
    }

    /// <summary>One watch run a minute until one acts; each earlier run must only record the failing streak.</summary>
    private static async Task<DrillInvocation> WatchUntilItActsAsync(DrillSession s, List<TimelineEntry> timeline,
        CancellationToken cancellationToken)
    {
        s.Progress.Say(
            $"{DarkRegion} is dark; no alarm can arrive from it: the scheduled watch in {s.Options.Region} probes the primary every "
            + $"minute");
        var limit = (s.App.Watch.FailedForSeconds / 60) + 2;
        for (var run = 1; ; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = await WatchRuns.NextMinuteAsync(s, run);
            if (watch.Result?.Outcome != Outcome.Watched || run == limit)
            {
                return watch;
            }

            ScenarioKit.AddAnswer(timeline, watch);
        }
    }

    /// <summary>What the dark region refused, by the function's own account and by LocalCloud's, after the switch.</summary>
    private static void AddRefusals(DrillSession s, List<TimelineEntry> timeline, DrillInvocation command)
    {
        timeline.Add(new TimelineEntry(
            command.At + command.Duration,
            $"  what refused connections in {DarkRegion}, by the function's own account",
            null,
            ScenarioKit.Measured,
            DarkRegionRefusals.ByFunction(command)));
        timeline.Add(new TimelineEntry(
            command.At + command.Duration,
            $"  what {DarkRegion} refused, by LocalCloud's account (every caller: the function and the drill's app)",
            null,
            ScenarioKit.Measured,
            DarkRegionRefusals.ByLocalCloud(s, DarkRegion)));
    }

    /// <summary>
    /// Detection is the watch's own: from the outage to the start of the run that acted (Watch:FailedForSeconds after the
    /// first failed run, on the drill's clock); no alarm took part.
    /// </summary>
    private static RtoBreakdown WatchRto(DrillSession s, DrillInvocation command) =>
        ScenarioKit.Rto(s, command) with
        {
            Detection = command.At,
            AlarmEvaluation = TimeSpan.Zero,
            DetectionLabel = "detection (the scheduled watch: probes failed and Route 53's DNS answered the standby for " +
                $"Watch:FailedForSeconds = {s.App.Watch.FailedForSeconds} s, one run a minute)",
            AlarmLabel = "alarm (none: CloudWatch in us-east-1 is dark)",
        };
}
