using FailoverOrchestrator.LocalCloud.World;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// The world's waits the drill's clock jumped over, in order, and the translation of the function's real instants onto
/// the drill's clock they make necessary.
/// </summary>
internal sealed class SkippedWaits(JumpingClock clock, TimeProvider real)
{
    private readonly List<SkippedWait> _skipped = [];

    /// <summary>Jumps the clock over a wait of the world and remembers it.</summary>
    public void Jump(TimeSpan by, string why)
    {
        lock (_skipped)
        {
            _skipped.Add(new SkippedWait(clock.GetUtcNow(), by, why) { RealAt = real.GetUtcNow() });
            clock.Jump(by);
        }
    }

    public IReadOnlyList<SkippedWait> Snapshot()
    {
        lock (_skipped)
        {
            return _skipped.ToList();
        }
    }

    /// <summary>A real instant of the function's on the drill's clock: real time plus the jumps made before it.</summary>
    public DateTimeOffset ToDrillTime(DateTimeOffset at)
    {
        lock (_skipped)
        {
            return at + clock.Offset - _skipped.Where(w => w.RealAt > at).Aggregate(TimeSpan.Zero, (sum, w) => sum + w.Duration);
        }
    }
}
