using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.World;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>The moves scenarios share: the outage, alarm deliveries, and turning a result into timeline lines.</summary>
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
            var at = step.StartedAt is { } started ? started - s.OutageAt : invocation.At;
            var calls = step.Calls?.Count ?? 0;
            var duration = step.StartedAt is null ? (TimeSpan?)null : TimeSpan.FromMilliseconds(step.DurationMs);
            timeline.Add(
                new TimelineEntry(
                at, $"  {step.Name,-14} {step.Status}", duration, Measured,
                $"{step.Detail}{(calls > 0 ? $" [{calls} AWS call{(calls == 1 ? string.Empty : "s")}]" : string.Empty)}"));
            if (step.Name == "DnsUpsert" && step.Status == StepStatus.Succeeded && duration is { } took)
            {
                timeline.Add(new TimelineEntry(at + took, s.App.Dns.Strategy == DnsStrategy.RoutingControl
                    ? "  routing controls switched: Route 53 answers the failover record by their health checks"
                    : "  DNS change INSYNC: Route 53 serves the new answer", null, Measured));
                if (withTtl)
                {
                    var ttl = TimeSpan.FromSeconds(s.Timings.RecordTtlSeconds);
                    timeline.Add(
                        new TimelineEntry(
                        at + took + ttl,
                        $"  resolvers' cached answers expire (TTL {s.Timings.RecordTtlSeconds} s): clients reach the new region", ttl,
                        Simulated));
                }
            }
        }

        timeline.Add(
            new TimelineEntry(
            invocation.At + invocation.Duration, $"{invocation.Label}: {result.Outcome}", invocation.Duration, Measured, result.Reason));

        // The world's waits the clock jumped over during this invocation (task start, health turning healthy), in place.
        var from = s.OutageAt + invocation.At;
        foreach (var wait in s.Skipped.Where(w => w.At >= from && w.At <= from + invocation.Duration))
        {
            timeline.Add(new TimelineEntry(wait.At - s.OutageAt, $"  {wait.What}", wait.Duration, Simulated));
        }

        var ordered = timeline.OrderBy(e => e.At).ToList();
        timeline.Clear();
        timeline.AddRange(ordered);
    }

    /// <summary>The recovery time of the invocation that switched: the world's simulated waits, and the time waiting on AWS as the
    /// function's metrics report it.</summary>
    public static RtoBreakdown Rto(DrillSession s, DrillInvocation owner)
    {
        var calls = s.World.Cloud.Calls.Snapshot();
        var change = calls.FirstOrDefault(c => c.Operation == "ChangeResourceRecordSets" && c.StatusCode < 400);
        var insync = calls.LastOrDefault(c => c.Operation == "GetChange" && c.StatusCode < 400);
        var propagation = change is not null && insync is not null && insync.Time > change.Time ? insync.Time - change.Time : TimeSpan.Zero;
        var from = s.OutageAt + owner.At;
        var simulated = s.Skipped.Where(w => w.At >= from && w.At <= from + owner.Duration).ToList();
        return new RtoBreakdown(s.Timings.Detection, s.Timings.AlarmEvaluation, owner.Duration, owner.Metrics?.AwsWait ?? TimeSpan.Zero,
            propagation, TimeSpan.FromSeconds(s.Timings.RecordTtlSeconds))
        {
            SimulatedWaits = simulated,
        };
    }

    /// <summary>Calls per operation as LocalCloud answered them, with errors and injected faults, for the report.</summary>
    public static IReadOnlyList<string> CallSummary(DrillSession s) =>
        s.World.Cloud.Calls.Snapshot()
            .GroupBy(c => (c.Service, c.Operation))
            .OrderBy(g => g.Key.Service).ThenBy(g => g.Key.Operation, StringComparer.Ordinal)
            .Select(g =>
            {
                var errors = g.Count(c => c.StatusCode >= 400);
                var injected = g.Count(c => c.Injected);
                return $"{g.Key.Service,-8} {g.Key.Operation,-26} {g.Count(),3} call(s)"
                    + (
                    errors > 0
                    ? $", {errors} error(s) ({injected} injected: "
                    + $"{string.Join(", ", g.Where(c => c.ErrorCode is not null).Select(c => c.ErrorCode).Distinct())})" : string.Empty);
            })
            .ToList();

    public static FailoverResult? Owner(IEnumerable<DrillInvocation> invocations, Outcome outcome) =>
        invocations.Select(i => i.Result).FirstOrDefault(r => r?.Outcome == outcome);

    public static LocalService Service(string name) => Enum.Parse<LocalService>(name);
}
