namespace FailoverOrchestrator.LocalCloud.World;

/// <summary>
/// The orchestrator's clock in the drill and the integration tests: real time plus a jump. Detection and alarm evaluation take minutes in AWS;
/// the drill jumps the clock over them instead of waiting, so alarm timestamps, leases and cooldowns see the
/// simulated minutes while the orchestration itself runs, and is measured, in real time.
/// </summary>
internal sealed class JumpingClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Jump(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
