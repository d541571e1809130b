using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.LocalCloud.World;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>The moves scenarios share: the outage, alarm deliveries, the recovery, and turning results into timeline lines.</summary>
internal static class ScenarioKit
{
    public const string Simulated = "simulated";
    public const string Measured = "measured";
    public const string Drill = "drill";

    /// <summary>
    /// The primary goes down at T+0: its health check starts failing and its tasks stop. Detection and alarm evaluation
    /// then pass on the drill's clock, with the configured intervals, instead of in real minutes.
    /// </summary>
    public static void TakePrimaryDown(DrillSession s, List<TimelineEntry> timeline)
    {
        var app = s.App;
        var primary = app.Regions[app.PrimaryRegion];
        s.OutageAt = s.Clock.GetUtcNow();
        s.World.Cloud.Route53.SetHealthCheckStatus(primary.HealthCheckId, healthy: false, "Failure: Connection timed out.");
        foreach (var service in primary.Services)
        {
            s.World.Cloud.Ecs.SetCounts(app.PrimaryRegion, service.Cluster, service.Service, service.ActiveDesiredCount, 0);
        }

        timeline.Add(
            new TimelineEntry(
            TimeSpan.Zero, $"primary region {app.PrimaryRegion} goes down (health check failing, tasks stopped)", null, Drill));
        s.Progress.Say($"primary region {app.PrimaryRegion} is down");
        var t = s.Timings;
        s.Clock.Jump(t.Detection);
        timeline.Add(
            new TimelineEntry(
            t.Detection,
            $"Route 53 marks {app.PrimaryRegion} unhealthy ({t.FailureThreshold} failed checks x {t.HealthCheckIntervalSeconds} s)",
            t.Detection, Simulated));
        s.Clock.Jump(t.AlarmEvaluation);
        timeline.Add(
            new TimelineEntry(
            t.Detection + t.AlarmEvaluation,
            $"alarm {app.AlarmNames[0]} OK -> ALARM ({t.DatapointsToAlarm} of {t.DatapointsToAlarm} one-minute datapoints below 1)",
            t.AlarmEvaluation, Simulated));
        s.Progress.Say(
            $"detection {t.Detection.TotalSeconds:0} s and alarm evaluation {t.AlarmEvaluation.TotalSeconds:0} s pass on the drill's "
            + $"clock; the alarm fires");
    }

    public static byte[] Alarm(DrillSession s, string state = "ALARM", string previous = "OK") =>
        AlarmPayloads.LambdaAction(s.App, state, previous, s.Clock.GetUtcNow());

    /// <summary>The alarm reaches the handler once (labelled <c>alarm delivery</c>); its steps go on the timeline.</summary>
    public static async Task<DrillInvocation> DeliverAlarmAsync(DrillSession s, List<TimelineEntry> timeline, bool withTtl = true)
    {
        var delivery = await s.InvokeAsync("alarm delivery", Alarm(s));
        AddSteps(s, timeline, delivery, withTtl);
        return delivery;
    }

    /// <summary>
    /// Where a failback starts: the primary goes down, the alarm fails over, and half an hour later the primary is back
    /// (<see cref="RecoverPrimary"/>). Returns the alarm's delivery.
    /// </summary>
    public static async Task<DrillInvocation> FailOverThenRecoverAsync(
        DrillSession s, List<TimelineEntry> timeline, CancellationToken cancellationToken)
    {
        TakePrimaryDown(s, timeline);
        var failover = await DeliverAlarmAsync(s, timeline, withTtl: false);
        cancellationToken.ThrowIfCancellationRequested();
        RecoverPrimary(s);
        return failover;
    }

    /// <summary>
    /// The primary is back half an hour after the failover: its health check passes again and its services run at their
    /// standby counts, as a recovered region would before a failback scales it up.
    /// </summary>
    private static void RecoverPrimary(DrillSession s)
    {
        s.Clock.Jump(TimeSpan.FromMinutes(30));
        var app = s.App;
        var primary = app.Regions[app.PrimaryRegion];
        s.World.Cloud.Route53.SetHealthCheckStatus(primary.HealthCheckId, healthy: true);
        foreach (var service in primary.Services)
        {
            s.World.Cloud.Ecs.SetCounts(app.PrimaryRegion, service.Cluster, service.Service, service.StandbyDesiredCount,
                service.StandbyDesiredCount);
        }
    }

    /// <summary>A line for what the drill does to the world, at the present of the drill's clock.</summary>
    public static void AddNow(DrillSession s, List<TimelineEntry> timeline, string what) =>
        timeline.Add(new TimelineEntry(s.Clock.GetUtcNow() - s.OutageAt, what, null, Drill));

    /// <summary>An invocation's answer as one measured line at its start: label, outcome, and the reason (or
    /// <paramref name="detail"/>).</summary>
    public static void AddAnswer(List<TimelineEntry> timeline, DrillInvocation invocation, string? detail = null) =>
        timeline.Add(
            new TimelineEntry(
            invocation.At, $"{invocation.Label}: {invocation.Result?.Outcome}", invocation.Duration, Measured,
            detail ?? invocation.Result?.Reason));

    /// <summary>One line per step of the result, placed at the step's start on the drill's clock, and the DNS and TTL lines after
    /// it.</summary>
    public static void AddSteps(DrillSession s, List<TimelineEntry> timeline, DrillInvocation invocation, bool withTtl = true)
    {
        if (invocation.Result is not { } result)
        {
            timeline.Add(new TimelineEntry(invocation.At, $"{invocation.Label} threw: {invocation.Error}", invocation.Duration, Measured));
            return;
        }

        timeline.Add(new TimelineEntry(invocation.At, $"{invocation.Label}: handler invoked", null, Measured));
        foreach (var step in result.Steps)
        {
            AddStep(s, timeline, invocation, step, withTtl);
        }

        timeline.Add(
            new TimelineEntry(
            invocation.At + invocation.Duration, $"{invocation.Label}: {result.Outcome}", invocation.Duration, Measured, result.Reason));

        // The world's waits the clock jumped over during this invocation (task start, health turning healthy), in place.
        foreach (var wait in WaitsDuring(s, invocation))
        {
            timeline.Add(new TimelineEntry(wait.At - s.OutageAt, $"  {wait.What}", wait.Duration, Simulated));
        }

        var ordered = timeline.OrderBy(e => e.At).ToList();
        timeline.Clear();
        timeline.AddRange(ordered);
    }

    private static void AddStep(DrillSession s, List<TimelineEntry> timeline, DrillInvocation invocation, StepResult step, bool withTtl)
    {
        var at = step.StartedAt is { } started ? started - s.OutageAt : invocation.At;
        var calls = step.Calls?.Count ?? 0;
        var duration = step.StartedAt is null ? (TimeSpan?)null : TimeSpan.FromMilliseconds(step.DurationMs);
        timeline.Add(
            new TimelineEntry(
            at, $"  {step.Name,-14} {step.Status}", duration, Measured,
            $"{step.Detail}{(calls > 0 ? $" [{calls} AWS call{(calls == 1 ? string.Empty : "s")}]" : string.Empty)}"));
        if (step.Name == "DnsUpsert" && step.Status == StepStatus.Succeeded && duration is { } took)
        {
            AddTrafficMoved(s, timeline, at + took, withTtl);
        }
    }

    /// <summary>After a successful DnsUpsert: Route 53 answers the new region, and (<paramref name="withTtl"/>) cached answers
    /// expire a TTL later.</summary>
    private static void AddTrafficMoved(DrillSession s, List<TimelineEntry> timeline, TimeSpan at, bool withTtl)
    {
        timeline.Add(new TimelineEntry(at, s.App.Dns.Strategy == DnsStrategy.RoutingControl
            ? "  routing controls switched: Route 53 answers the failover record by their health checks"
            : "  DNS change INSYNC: Route 53 serves the new answer", null, Measured));
        if (withTtl)
        {
            var ttl = TimeSpan.FromSeconds(s.Timings.RecordTtlSeconds);
            timeline.Add(
                new TimelineEntry(
                at + ttl,
                $"  resolvers' cached answers expire (TTL {s.Timings.RecordTtlSeconds} s): clients reach the new region", ttl,
                Simulated));
        }
    }

    /// <summary>The world's waits the clock jumped over while <paramref name="invocation"/> ran.</summary>
    private static List<SkippedWait> WaitsDuring(DrillSession s, DrillInvocation invocation)
    {
        var from = s.OutageAt + invocation.At;
        return s.Skipped.Where(w => w.At >= from && w.At <= from + invocation.Duration).ToList();
    }

    /// <summary>The recovery time of the invocation that switched: the world's simulated waits, and the time waiting on AWS as the
    /// function's metrics report it.</summary>
    public static RtoBreakdown Rto(DrillSession s, DrillInvocation owner)
    {
        var calls = s.World.Cloud.Calls.Snapshot();
        var change = calls.FirstOrDefault(c => c.Operation == "ChangeResourceRecordSets" && c.StatusCode < 400);
        var insync = calls.LastOrDefault(c => c.Operation == "GetChange" && c.StatusCode < 400);
        var propagation = change is not null && insync is not null && insync.Time > change.Time ? insync.Time - change.Time : TimeSpan.Zero;
        var simulated = WaitsDuring(s, owner);
        return new RtoBreakdown(s.Timings.Detection, s.Timings.AlarmEvaluation, owner.Duration, owner.Metrics?.AwsWait ?? TimeSpan.Zero,
            propagation, TimeSpan.FromSeconds(s.Timings.RecordTtlSeconds))
        {
            SimulatedWaits = simulated,
        };
    }
}
