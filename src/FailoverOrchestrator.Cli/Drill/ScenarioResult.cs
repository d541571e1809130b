using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>What one scenario did and found.</summary>
internal sealed record ScenarioResult
{
    public required string Scenario { get; init; }

    public required Outcome Expected { get; init; }

    public Outcome? Actual { get; init; }

    public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

    public required IReadOnlyList<DrillCheck> Checks { get; init; }

    public required IReadOnlyList<DrillInvocation> Invocations { get; init; }

    public RtoBreakdown? Rto { get; init; }

    /// <summary>The data at risk of the switch the scenario is about, as the function measured and reported it.</summary>
    public RpoEstimate? Rpo { get; init; }

    /// <summary>AWS calls per operation as LocalCloud and dynalite answered them, with errors and injected faults.</summary>
    public IReadOnlyList<string> AwsCalls { get; init; } = [];

    /// <summary>The build of the function the scenario ran (how its runtime starts it).</summary>
    public string Function { get; init; } = string.Empty;

    /// <summary>The highest peak resident memory of the scenario's live function processes, in MB, when known.</summary>
    public double? FunctionPeakMemoryMb { get; init; }

    public bool Passed => Actual == Expected && Checks.All(c => c.Passed);
}
