namespace FailoverOrchestrator.Cli.Drill;

/// <summary>A wait of the world that the drill's clock jumped over: when (drill clock), how long, and what it stands for.</summary>
internal sealed record SkippedWait(DateTimeOffset At, TimeSpan Duration, string What);
