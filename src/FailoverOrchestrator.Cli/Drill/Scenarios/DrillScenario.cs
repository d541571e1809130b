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
        AwsCalls = CallSummary(s),
        Function = s.Function.StartLine,
        FunctionPeakMemoryMb = s.FunctionPeakMemoryMb(),
    };

    /// <summary>Calls per operation as LocalCloud answered them, with errors and injected faults, for the report.</summary>
    private static List<string> CallSummary(DrillSession s) =>
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
}
