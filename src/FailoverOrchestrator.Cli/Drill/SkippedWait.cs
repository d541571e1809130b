namespace FailoverOrchestrator.Cli.Drill;

/// <summary>A wait of the world that the drill's clock jumped over: when (drill clock), how long, and what it stands for.</summary>
internal sealed record SkippedWait(DateTimeOffset At, TimeSpan Duration, string What)
{
    /// <summary>When the jump happened in real time, the function processes' clock.</summary>
    public DateTimeOffset RealAt { get; init; }
}
