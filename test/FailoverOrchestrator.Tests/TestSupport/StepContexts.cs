using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;
using Microsoft.Extensions.Time.Testing;

namespace FailoverOrchestrator.Tests.TestSupport;

/// <summary>Builds step contexts for the sample app and runs code that waits on a fake clock.</summary>
internal static class StepContexts
{
    public static StepContext Failover(AppOptions? app = null, long epoch = 7, IExecutionLease? lease = null) =>
        Create(app ?? TestConfig.Shop(), SwitchDirection.Failover, epoch, lease);

    public static StepContext Failback(AppOptions? app = null, long epoch = 8) =>
        Create(app ?? TestConfig.Shop(), SwitchDirection.Failback, epoch, null);

    public static FakeTimeProvider Clock() => new(new DateTimeOffset(2026, 3, 4, 8, 1, 5, TimeSpan.Zero));

    /// <summary>Advances the fake clock a second at a time until the task completes (the step's waits are on that clock).</summary>
    public static async Task<T> AdvanceUntilDone<T>(FakeTimeProvider time, Task<T> task)
    {
        for (var i = 0; i < 10_000 && !task.IsCompleted; i++)
        {
            await Task.Delay(1);
            time.Advance(TimeSpan.FromSeconds(1));
        }

        return await task;
    }

    private static StepContext Create(AppOptions app, SwitchDirection direction, long epoch, IExecutionLease? lease) => new()
    {
        Lease = lease ?? UnfencedLease.Instance,
        App = app,
        ExecutionId = "shop-20260304T080105Z-abcdef",
        Epoch = epoch,
        Direction = direction,
        SourceRegion = direction == SwitchDirection.Failover ? app.PrimaryRegion : app.StandbyRegion,
        TargetRegion = direction == SwitchDirection.Failover ? app.StandbyRegion : app.PrimaryRegion,
        Reason = "test",
    };
}
