using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>The same alarm delivered eight times at once and four more times later: one execution, every change made once.</summary>
internal sealed class DuplicateDeliveryScenario : DrillScenario
{
    public override string Name => "duplicate-delivery";

    public override string Description =>
        "the same alarm event delivered 8 times concurrently and 4 times later: one execution, each AWS change made once";

    public override Outcome Expected => Outcome.FailedOver;

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        ScenarioKit.TakePrimaryDown(s, timeline);
        var alarm = ScenarioKit.Alarm(s);

        var burst = await s.InvokeConcurrentlyAsync("concurrent delivery", alarm, 8);
        var owner = burst.FirstOrDefault(d => d.Result?.Outcome == Outcome.FailedOver) ?? burst[0];
        ScenarioKit.AddSteps(s, timeline, owner, withTtl: false);
        var late = new List<DrillInvocation>();
        for (var i = 1; i <= 4; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            s.Clock.Jump(TimeSpan.FromSeconds(30));
            late.Add(await s.InvokeAsync($"late redelivery #{i}", alarm));
        }

        foreach (var d in burst.Where(d => d != owner).Concat(late))
        {
            timeline.Add(
                new TimelineEntry(
                d.At + d.Duration, $"{d.Label}: {d.Result?.Outcome.ToString() ?? "threw"}", d.Duration, ScenarioKit.Measured));
        }

        var all = burst.Concat(late).ToList();
        var checks = await FailoverChecks.FailedOverAsync(s, owner.Result?.ExecutionId);
        checks.Add(
            new DrillCheck(
            "one execution among 12 deliveries", all.Count(d => d.Result?.Outcome == Outcome.FailedOver) == 1
            && all.All(d => d.Result is not null),
            string.Join(", ", all.GroupBy(d => d.Result?.Outcome.ToString() ?? "threw").Select(g => $"{g.Count()} {g.Key}"))));
        checks.Add(EndStateChecks.CalledOnce(s, LocalService.Ecs, "UpdateService"));
        checks.Add(EndStateChecks.CalledOnce(s, LocalService.Route53, "ChangeResourceRecordSets"));
        checks.Add(EndStateChecks.CalledOnce(s, LocalService.Sns, "Publish"));
        return Result(s, owner.Result?.Outcome, timeline, checks);
    }
}
