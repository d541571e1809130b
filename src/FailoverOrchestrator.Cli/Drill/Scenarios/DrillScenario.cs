using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>One drill: what it does to the world, the outcome it expects, and the end state it verifies.</summary>
internal abstract class DrillScenario
{
    public static readonly IReadOnlyList<DrillScenario> All =
    [
        new RegionOutageScenario(),
        new PilotLightScenario(),
        new DuplicateDeliveryScenario(),
        new FlappingScenario(),
        new StandbyUnhealthyScenario(),
        new CrashMidFailoverScenario(),
        new ThrottledScenario(),
        new FailbackScenario(),
        new ArcEndpointDownScenario(),
        new UsEast1DarkScenario(Configuration.DnsStrategy.RoutingControl),
        new UsEast1DarkScenario(Configuration.DnsStrategy.RecordChange),
        new WatchFalseAlarmScenario(),
        new ReplicationLagScenario(),
        new SplitBrainGuardScenario(),
        new FailbackCatchUpScenario(),
    ];

    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract Outcome Expected { get; }

    /// <summary>Settings this scenario lays over the drill's configuration file (as <c>Orchestrator:Path</c> keys).</summary>
    public virtual IReadOnlyList<KeyValuePair<string, string?>> Overrides => [];

    public abstract Task<ScenarioResult> RunAsync(DrillSession session, CancellationToken cancellationToken);

    protected ScenarioResult Result(DrillSession s, Outcome? actual, List<TimelineEntry> timeline, List<DrillCheck> checks,
        RtoBreakdown? rto = null) => new()
    {
        Scenario = Name,
        Expected = Expected,
        Actual = actual,
        Timeline = timeline.OrderBy(t => t.At).ToList(),
        Checks = checks,
        Invocations = s.Invocations.ToList(),
        Rto = rto,
        Rpo = s.Invocations.Select(i => i.Result).LastOrDefault(r => r is not null && r.Outcome == actual && r.Rpo is not null)?.Rpo,
        AwsCalls = ScenarioKit.CallSummary(s),
        Function = s.Function.StartLine,
        FunctionPeakMemoryMb = s.FunctionPeakMemoryMb(),
    };
}
