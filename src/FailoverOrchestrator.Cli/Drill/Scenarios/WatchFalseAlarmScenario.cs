using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>
/// A false alarm for the scheduled watch: the primary's health endpoint refuses the probes sent from the function's
/// region for two runs, then answers again, short of Watch:FailedForSeconds (180 s). No failover, no page; the state
/// item keeps the runs and the audit trail every decision. (The DNS data plane's verdict, a second signal, is not built.)
/// </summary>
internal sealed class WatchFalseAlarmScenario : DrillScenario
{
    private const int Runs = 4;

    public override string Name => "watch-false-alarm";

    public override string Description =>
        "the primary's health endpoint refuses the watch's probes for two minutes, then answers: shorter than Watch:FailedForSeconds, so "
        + "no failover and no page";

    public override Outcome Expected => Outcome.Watched;

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var app = s.App;
        var timeline = new List<TimelineEntry>();
        s.OutageAt = s.Clock.GetUtcNow();
        await s.World.Cloud.AppHealth.TakeDownAsync(app.PrimaryRegion);
        timeline.Add(
            new TimelineEntry(
            TimeSpan.Zero,
            $"the health endpoint of {app.PrimaryRegion} refuses connections (from the function's region only: the region itself serves)",
            null, ScenarioKit.Drill));
        var runs = new List<DrillInvocation>();
        for (var run = 1; run <= Runs; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (run == 3)
            {
                await s.World.Cloud.AppHealth.BringUpAsync(app.PrimaryRegion);
                timeline.Add(
                    new TimelineEntry(
                    s.Clock.GetUtcNow() - s.OutageAt + TimeSpan.FromMinutes(1), $"the health endpoint of {app.PrimaryRegion} answers again",
                    null, ScenarioKit.Drill));
            }

            var watch = await WatchRuns.NextMinuteAsync(s, run);
            runs.Add(watch);
            timeline.Add(
                new TimelineEntry(
                watch.At, $"scheduled watch #{run}: {watch.Result?.Outcome}", watch.Duration, ScenarioKit.Measured, watch.Result?.Reason
                ?? watch.Error));
        }

        var record = await WatchRuns.RecordAsync(s);
        var decisions = (await EndStateChecks.AuditAsync(s)).Where(e => e.Kind.StartsWith("Watch", StringComparison.Ordinal)).ToList();
        var checks = new List<DrillCheck>
        {
            new("every run answered Watched", runs.All(r => r.Result?.Outcome == Outcome.Watched),
                string.Join(" | ", runs.Select(r => r.Summary))),
            new("the failing runs were recorded as a streak shorter than Watch:FailedForSeconds",
                runs.Take(2).All(r => r.Result?.Reason?.Contains("not yet the 180 s", StringComparison.Ordinal) == true), runs[1].Summary),
            new($"the state item keeps the {Runs} runs, newest first, and no open streak", record is { Runs: Runs, FailingSince: null }
                && record.History.Count == Runs && record.History[0].Contains(" healthy ", StringComparison.Ordinal)
                && record.History[^1].Contains(" failed ", StringComparison.Ordinal),
                record is null ? "no watch record" : $"{record.Runs} runs; {string.Join(" / ", record.History)}"),
            new($"{Runs} watch decisions audited", decisions.Count == Runs && decisions.All(e => e.Kind == "WatchRecord"),
                string.Join(", ", decisions.Select(e => e.Kind))),
            EndStateChecks.RecordPointsAt(s, app.PrimaryRegion),
            EndStateChecks.NotCalled(s, LocalService.Ecs, "UpdateService"),
            await EndStateChecks.StateIsAsync(s, Phase.Steady, app.PrimaryRegion),
            EndStateChecks.Notifications(s, 0),
        };
        return Result(s, DrillSession.MainOutcome(runs), timeline, checks);
    }
}
