using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>
/// A false alarm for the scheduled watch: the watch's probes of the primary's health endpoint, sent from the function's
/// region, fail (the endpoint refuses them) while the primary serves and Route 53's health checkers see it healthy, so
/// the DNS data plane keeps answering the PRIMARY of the health record. Even with WatchPolicy Failover the watch does not
/// switch: once the probes have failed for Watch:FailedForSeconds it pages once to check the network path from its own
/// region, and pages no more for that streak. (A probe failure shorter than FailedForSeconds records only: unit-tested.)
/// </summary>
internal sealed class WatchFalseAlarmScenario : DrillScenario
{
    private const string FunctionRegion = "us-west-2";

    public override string Name => "watch-false-alarm";

    public override string Description =>
        "the watch's probes of the primary fail from its own region while Route 53's health checkers (its DNS answer) see the " +
        "primary healthy: no failover even with WatchPolicy Failover, one page about the network path";

    public override Outcome Expected => Outcome.Watched;

    public override IReadOnlyList<KeyValuePair<string, string?>> Overrides =>
    [
        new("Orchestrator:Region", FunctionRegion),
        new("Orchestrator:Apps:shop:Watch:Policy", "Failover"),
    ];

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var app = s.App;
        var timeline = new List<TimelineEntry>();
        var runCount = (app.Watch.FailedForSeconds / 60) + 2;
        s.OutageAt = s.Clock.GetUtcNow();
        await s.World.Cloud.AppHealth.TakeDownAsync(app.PrimaryRegion);
        var outage = $"the health endpoint of {app.PrimaryRegion} refuses the watch's probes from {FunctionRegion}; " +
            "the primary serves and Route 53's checkers see it healthy";
        timeline.Add(new TimelineEntry(TimeSpan.Zero, outage, null, ScenarioKit.Drill));

        var runs = new List<DrillInvocation>();
        for (var run = 1; run <= runCount; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var watch = await WatchRuns.NextMinuteAsync(s, run);
            runs.Add(watch);
            ScenarioKit.AddAnswer(timeline, watch, watch.Result?.Reason ?? watch.Error);
        }

        return Result(s, DrillSession.MainOutcome(runs), timeline, await ChecksAsync(s, runs));
    }

    /// <summary>
    /// Every run answered Watched and read Route 53's answer (the primary); the run after Watch:FailedForSeconds paged once
    /// about the network path; the streak stays open; nothing moved.
    /// </summary>
    private static async Task<List<DrillCheck>> ChecksAsync(DrillSession s, List<DrillInvocation> runs)
    {
        var app = s.App;
        var record = await WatchRuns.RecordAsync(s);
        var decisions = (await EndStateChecks.AuditAsync(s)).Where(e => e.Kind.StartsWith("Watch", StringComparison.Ordinal)).ToList();
        var pages = s.World.Cloud.Sns.GetMessages(app.TopicArn);
        var pathPage = $"probes from {FunctionRegion} fail but Route 53's health checkers see the primary healthy: " +
            $"check the network path from {FunctionRegion}";
        var acting = runs.Count - 2;
        return
        [
            new("every run answered Watched", runs.All(r => r.Result?.Outcome == Outcome.Watched),
                string.Join(" | ", runs.Select(r => r.Summary))),
            new("every run read Route 53's DNS answer: the primary",
                record is not null && record.History.Count == runs.Count
                    && record.History.All(h => h.Contains("Route 53 answers the primary", StringComparison.Ordinal)),
                record is null ? "no watch record" : record.History[0]),
            new($"run {acting + 1} (after Watch:FailedForSeconds) paged about the network path; the others recorded only",
                decisions.Count == runs.Count && decisions.Count(e => e.Kind == "WatchPagePath") == 1
                    && decisions[acting].Kind == "WatchPagePath"
                    && decisions.Where((_, i) => i != acting).All(e => e.Kind == "WatchRecord"),
                string.Join(", ", decisions.Select(e => e.Kind))),
            new("the page names the network path from the function's region",
                pages.Count == 1 && pages[0].Message.Contains(pathPage, StringComparison.Ordinal)
                    && pages[0].Subject?.Contains("NETWORKPATH", StringComparison.Ordinal) == true,
                pages.Count == 1 ? $"{pages[0].Subject}" : $"{pages.Count} pages"),
            StreakOpen(record),
            await DnsDataPlaneChecks.AnswersWithAsync(
                s, DrillConfiguration.HealthRecordName, app.PrimaryRegion, "the checkers see the primary healthy"),
            EndStateChecks.RecordPointsAt(s, app.PrimaryRegion),
            EndStateChecks.NotCalled(s, LocalService.Ecs, "UpdateService"),
            await EndStateChecks.StateIsAsync(s, Phase.Steady, app.PrimaryRegion),
            EndStateChecks.Notifications(s, 1),
        ];
    }

    private static DrillCheck StreakOpen(WatchRecord? record) =>
        new("the streak stays open, not acted on",
            record is { FailingSince: not null, ActedFor: null, PathPagedFor: not null },
            record is null
                ? "no watch record"
                : $"failing since {record.FailingSince:u}, acted for {record.ActedFor?.ToString("u") ?? "none"}");
}
