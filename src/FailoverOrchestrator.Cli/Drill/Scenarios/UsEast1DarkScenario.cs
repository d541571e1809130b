using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.World;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;

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
    private const string DarkRegion = "us-east-1";

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
        var app = s.App;
        var timeline = new List<TimelineEntry>();
        s.OutageAt = s.Clock.GetUtcNow();
        var dark = await s.World.GoDarkAsync(DarkRegion);
        foreach (var service in app.Regions[app.PrimaryRegion].Services)
        {
            s.World.Cloud.Ecs.SetCounts(app.PrimaryRegion, service.Cluster, service.Service, service.ActiveDesiredCount, 0);
        }

        // Route 53's health checkers (in regions other than us-east-1 too) can no longer reach the primary's endpoint: its
        // health check fails, and the DNS data plane, which keeps answering, serves the health record's SECONDARY.
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
        cancellationToken.ThrowIfCancellationRequested();

        DrillInvocation command;
        if (strategy == DnsStrategy.RoutingControl)
        {
            s.Progress.Say(
                $"{DarkRegion} is dark; no alarm can arrive from it: the scheduled watch in {s.Options.Region} probes the primary every "
                + $"minute");
            command = await WatchUntilItActsAsync(s, timeline, cancellationToken);
        }
        else
        {
            s.Progress.Say($"{DarkRegion} is dark; no alarm can arrive from it: the on-call runs the failover command");
            command = await s.InvokeAsync("operator failover", AlarmPayloads.Command("failover", app, $"{DarkRegion} is dark"));
        }

        ScenarioKit.AddSteps(s, timeline, command, withTtl: strategy == DnsStrategy.RoutingControl);
        timeline.Add(new TimelineEntry(
            command.At + command.Duration,
            $"  what refused connections in {DarkRegion}, by the function's own account",
            null,
            ScenarioKit.Measured,
            Refusals(command)));
        timeline.Add(new TimelineEntry(
            command.At + command.Duration,
            $"  what {DarkRegion} refused, by LocalCloud's account (every caller: the function and the drill's app)",
            null,
            ScenarioKit.Measured,
            Refused(s)));

        var checks = strategy == DnsStrategy.RoutingControl
            ? await FailedOverAsync(s, command)
            : await BlockedAsync(s, command);
        if (strategy == DnsStrategy.RoutingControl)
        {
            checks.Add(new DrillCheck(
                $"the watch acted once the primary had failed for {s.App.Watch.FailedForSeconds} s, not before",
                command.At >= TimeSpan.FromSeconds(s.App.Watch.FailedForSeconds)
                    && s.Invocations.Count(
                    i => i.Label.StartsWith("scheduled watch", StringComparison.Ordinal)) == (s.App.Watch.FailedForSeconds / 60) + 1,
                $"acted at {command.At.TotalSeconds:0} s, on run {s.Invocations.Count}"));
        }
        // Detection is the watch's own: from the outage to the start of the run that acted (Watch:FailedForSeconds after
        // the first failed run, on the drill's clock).
        var rto = ScenarioKit.Rto(s, command) with { Detection = command.At, AlarmEvaluation = TimeSpan.Zero };
        return Result(s, command.Result?.Outcome, timeline, checks, strategy == DnsStrategy.RoutingControl
            ? rto with
            {
                DetectionLabel = "detection (the scheduled watch: probes failed and Route 53's DNS answered the standby for " +
                    $"Watch:FailedForSeconds = {s.App.Watch.FailedForSeconds} s, one run a minute)",
                AlarmLabel = "alarm (none: CloudWatch in us-east-1 is dark)",
            }
            : null);
    }

    /// <summary>One watch run a minute until one acts; each earlier run must only record the failing streak.</summary>
    private static async Task<DrillInvocation> WatchUntilItActsAsync(DrillSession s, List<TimelineEntry> timeline,
        CancellationToken cancellationToken)
    {
        var limit = (s.App.Watch.FailedForSeconds / 60) + 2;
        for (var run = 1; ; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = await WatchRuns.NextMinuteAsync(s, run);
            if (watch.Result?.Outcome != Outcome.Watched || run == limit)
            {
                return watch;
            }

            timeline.Add(
                new TimelineEntry(
                watch.At, $"scheduled watch #{run}: {watch.Result.Outcome}", watch.Duration, ScenarioKit.Measured, watch.Result.Reason));
        }
    }

    private static async Task<List<DrillCheck>> FailedOverAsync(DrillSession s, DrillInvocation command)
    {
        var app = s.App;
        var checks = new List<DrillCheck>
        {
            RoutingControlChecks.ServesFrom(s, app.StandbyRegion),
            await DnsDataPlaneChecks.AnswersWithAsync(
                s, app.Dns.RecordName, app.StandbyRegion, "its routing controls, while the Route 53 API refuses connections"),
            await ActedOnRoute53AnswerAsync(s),
            RoutingControlChecks.OneTransaction(s),
            RoutingControlChecks.AnsweredByLiveEndpoint(s, [DarkRegion]),
            NoSuccessIn(s),
        };
        checks.AddRange(EndStateChecks.ServicesAt(s, app.StandbyRegion, active: true));
        checks.Add(await EndStateChecks.WriterIsAsync(s, app.StandbyRegion));
        checks.Add(await EndStateChecks.StateIsAsync(s, Phase.Steady, app.StandbyRegion));
        checks.Add(EndStateChecks.Notifications(s, 1, "[failover] FAILED OVER"));
        checks.Add(await EndStateChecks.AuditCompleteAsync(s, command.Result?.ExecutionId, StepNames.DefaultOrder));
        return checks;
    }

    private static async Task<List<DrillCheck>> BlockedAsync(DrillSession s, DrillInvocation command)
    {
        var app = s.App;
        var reason = command.Result?.Reason ?? command.Error ?? string.Empty;
        var page = s.World.Cloud.Sns.GetMessages(app.TopicArn) is [var first, ..] ? first.Message : string.Empty;
        var ran = (command.Result?.Steps ?? []).Where(st => st.Status != StepStatus.NotRun).ToList();
        var checks = new List<DrillCheck>
        {
            new("the Blocked names the dead dependency and the manual step",
                reason.Contains("Route 53 API (route53.amazonaws.com", StringComparison.Ordinal)
                    && reason.Contains("Manual step", StringComparison.Ordinal),
                reason),
            new("the page says the same: the Route 53 API, nothing changed, the manual step, preflight the only step",
                page.Contains("Route 53 API (route53.amazonaws.com", StringComparison.Ordinal)
                    && page.Contains("nothing was scaled, promoted or changed", StringComparison.Ordinal)
                    && page.Contains("Manual step", StringComparison.Ordinal)
                    && ran.Select(st => st.Name).SequenceEqual([StepNames.Preflight]),
                string.Join(", ", ran.Select(st => $"{st.Name} {st.Status}"))),
            await BlockedAuditedAsync(s, command),
            EndStateChecks.RecordPointsAt(s, app.PrimaryRegion),
            EndStateChecks.NotCalled(s, LocalService.Ecs, "UpdateService"),
        };
        checks.AddRange(EndStateChecks.ServicesAt(s, app.StandbyRegion, active: false));
        checks.Add(await EndStateChecks.WriterIsAsync(s, null));
        checks.Add(await EndStateChecks.StateIsAsync(s, Phase.Steady, app.PrimaryRegion));
        checks.Add(EndStateChecks.Notifications(s, 1, "[failover] Blocked"));
        return checks;
    }

    /// <summary>The run that acted had Route 53's DNS answer (the standby) beside its failed probes, read with the API dark.</summary>
    private static async Task<DrillCheck> ActedOnRoute53AnswerAsync(DrillSession s)
    {
        var acted = (await EndStateChecks.AuditAsync(s)).LastOrDefault(e => e.Kind == "WatchFailover");
        const string Confirmed = "Route 53 answers the standby: its health checkers see the primary unhealthy";
        var ok = acted?.Detail?.Contains(Confirmed, StringComparison.Ordinal) == true;
        return new DrillCheck(
            "the watch acted on failed probes confirmed by Route 53's DNS answer (the standby)",
            ok,
            acted?.Detail ?? "no WatchFailover decision audited");
    }

    /// <summary>What the function's result says the dark region refused: the Route 53 API's calls and the cluster endpoint
    /// skipped.</summary>
    private static string Refusals(DrillInvocation command)
    {
        var steps = command.Result?.Steps ?? [];
        var seen = steps.SelectMany(st =>
            (st.Calls ?? []).Where(c => c.Contains("us-east-1: ", StringComparison.Ordinal)).Select(c =>
            $"{st.Name}: ARC endpoint {c[(c.IndexOf(" after ", StringComparison.Ordinal) + 7)..]}"))
            .Concat(
                steps.Where(
                st => st.Detail?.Contains("route53.amazonaws.com", StringComparison.Ordinal) == true).Select(st =>
                $"{st.Name}: Route 53 API (NetworkError)"))
            .Distinct()
            .ToList();
        return seen.Count == 0 ? "none reported" : string.Join("; ", seen);
    }

    /// <summary>The execution's audit holds the Blocked with preflight's reason, and no step after preflight.</summary>
    private static async Task<DrillCheck> BlockedAuditedAsync(DrillSession s, DrillInvocation command)
    {
        var id = command.Result?.ExecutionId;
        var events = (await EndStateChecks.AuditAsync(s)).Where(e => e.ExecutionId == id).ToList();
        var blocked = events.Any(e => e.Kind == "Blocked" && e.Detail?.Contains("route53.amazonaws.com", StringComparison.Ordinal) == true);
        var later = events.Where(e => e.Step is not null && e.Step != StepNames.Preflight).Select(e => $"{e.Kind} {e.Step}").ToList();
        return new DrillCheck(
            "the audit holds the Blocked naming the Route 53 API, and no step after preflight",
            id is not null && blocked && later.Count == 0,
            $"{events.Count} events of {id}: {string.Join(", ", events.Select(e => e.Step is null ? e.Kind : $"{e.Kind} {e.Step}"))}");
    }

    /// <summary>LocalCloud's own account of the refusals: its call log (Route 53, ECS, SNS) and the DynamoDB router's.</summary>
    private static string Refused(DrillSession s)
    {
        var cut = s.World.Cloud.Calls.Snapshot()
            .Where(c => c.Region == DarkRegion && c.ErrorCode == "ConnectionRefused")
            .GroupBy(c => $"{c.Service} {c.Operation}")
            .Select(g => $"{g.Key} x{g.Count()}")
            .Concat((s.World.Router?.Refused ?? [])
                .GroupBy(r => "DynamoDB " + r[(DarkRegion.Length + 1)..])
                .Select(g => $"{g.Key} x{g.Count()}"))
            .ToList();
        return cut.Count == 0 ? "none reached LocalCloud (a closed port refuses before it sees a call)" : string.Join("; ", cut);
    }

    /// <summary>Nothing the switch needed came from the dark region: every call signed for it went unanswered.</summary>
    private static DrillCheck NoSuccessIn(DrillSession s)
    {
        var answered = s.World.Cloud.Calls.Snapshot().Where(c => c.Region == DarkRegion && c.StatusCode is > 0 and < 400).ToList();
        return new DrillCheck($"no call to {DarkRegion} was answered", answered.Count == 0, answered.Count == 0
            ? "none" : string.Join(", ", answered.Select(c => $"{c.Service} {c.Operation}")));
    }
}
