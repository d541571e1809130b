namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// One line of the drill's timeline: when (from the outage, on the drill's clock), what, how long, and whether the
/// duration was simulated from configured values or measured.
/// </summary>
internal sealed record TimelineEntry(TimeSpan At, string What, TimeSpan? Duration, string Source, string? Detail = null);
