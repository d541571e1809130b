using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>After a failover the primary recovers; an operator rehearses with plan and fails back; everything returns.</summary>
internal sealed class FailbackScenario : DrillScenario
{
    public override string Name => "failback";

    public override string Description =>
        "after a failover the primary recovers; the operator runs plan, then failback with confirm; every resource returns to where it was";

    public override Outcome Expected => Outcome.FailedBack;

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        var app = s.App;
        var failover = await ScenarioKit.FailOverThenRecoverAsync(s, timeline, cancellationToken);
        ScenarioKit.AddNow(s, timeline, $"primary {app.PrimaryRegion} recovers (healthy, at its standby count)");
        var plan = await FailbackCommands.PlanAsync(s);
        ScenarioKit.AddAnswer(timeline, plan);
        var failback = await FailbackCommands.FailBackAsync(s);
        ScenarioKit.AddSteps(s, timeline, failback, withTtl: false);

        return Result(s, failback.Result?.Outcome, timeline, await ChecksAsync(s, failover, plan, failback));
    }

    /// <summary>Every resource back where it was before the failover: the record, both regions' counts, the writer, the state.</summary>
    private static async Task<List<DrillCheck>> ChecksAsync(
        DrillSession s, DrillInvocation failover, DrillInvocation plan, DrillInvocation failback)
    {
        var app = s.App;
        var checks = new List<DrillCheck>
        {
            FailoverChecks.FailedOverFirst(failover),
            new("plan changed nothing and listed the calls", plan.Result?.Outcome == Outcome.Planned
                && plan.Result.Steps.All(x => x.Calls is { Count: > 0 }), plan.Summary),
            EndStateChecks.RecordPointsAt(s, app.PrimaryRegion),
        };
        checks.AddRange(EndStateChecks.ServicesAt(s, app.PrimaryRegion, active: true));
        checks.AddRange(EndStateChecks.ServicesAt(s, app.StandbyRegion, active: false));
        checks.Add(await EndStateChecks.WriterIsAsync(s, app.PrimaryRegion));
        checks.Add(await EndStateChecks.StateIsAsync(s, Phase.Steady, app.PrimaryRegion));
        checks.Add(EndStateChecks.Notifications(s, 2, "[failover] FAILED BACK"));
        checks.Add(
            await EndStateChecks.AuditCompleteAsync(s, failback.Result?.ExecutionId, [.. StepNames.DefaultOrder, StepNames.EcsScaleDown]));
        return checks;
    }
}
