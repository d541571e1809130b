using FailoverOrchestrator.IntegrationTests.Operations;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>
/// Redeliveries long after the fact (Lambda retries asynchronous events for up to 6 hours, EventBridge for 24) and
/// storms of duplicates during a cooldown. The harness's cooldown is 600 s.
/// </summary>
public sealed class LateRedeliveryTests
{
    private static readonly string Failback = WorldHarness.Command("failback", "\"confirm\":\"shop\"");

    /// <summary>After a failover and an operator's failback, the same alarm delivered again past the cooldown must not fail over a second
    /// time.</summary>
    [Fact]
    public async Task HandleAsync_SameAlarmAfterFailbackAndCooldown_IgnoredAndNothingChanges()
    {
        await using var world = await WorldHarness.StartAsync();
        var alarm = world.Alarm();
        await world.InvokeAsync(alarm);
        world.Clock.Jump(TimeSpan.FromMinutes(2));
        await world.InvokeAsync(Failback);
        world.Clock.Jump(TimeSpan.FromMinutes(11));
        var before = await WorldSnapshot.TakeAsync(world);

        var (result, error) = await world.InvokeAsync(alarm);

        Assert.Null(error);
        Assert.Equal(Outcome.Ignored, result!.Outcome);
        Assert.Contains("before the last switch", result.Reason, StringComparison.Ordinal);
        var after = await WorldSnapshot.TakeAsync(world);
        Assert.Equal(before with { AuditItems = after.AuditItems }, after);
    }

    /// <summary>A transition older than both switches (another alarm state change, delivered late) starts nothing either.</summary>
    [Fact]
    public async Task HandleAsync_TransitionOlderThanBothSwitches_Ignored()
    {
        await using var world = await WorldHarness.StartAsync();
        var early = world.Alarm(at: world.Clock.GetUtcNow().AddMinutes(-3));
        await world.InvokeAsync(world.Alarm());
        world.Clock.Jump(TimeSpan.FromMinutes(2));
        await world.InvokeAsync(Failback);
        world.Clock.Jump(TimeSpan.FromMinutes(11));

        var (result, _) = await world.InvokeAsync(early);

        Assert.Equal(Outcome.Ignored, result!.Outcome);
        Assert.Equal(world.App.PrimaryRegion, result.ActiveRegion);
        Assert.Equal(2, world.Cloud.Sns.GetMessages().Count);
    }

    /// <summary>
    /// The alarm changes state while an operator's failback is running (the primary fails again after the failback's
    /// preflight): that is news, not a late delivery, so it meets the cooldown (Suppressed, and the on-call is paged)
    /// instead of being ignored as older than the switch that completed after it.
    /// </summary>
    [Fact]
    public async Task HandleAsync_TransitionWhileFailbackRan_SuppressedAndPagedNotIgnored()
    {
        await using var world = await WorldHarness.StartAsync();
        await world.InvokeAsync(world.Alarm());
        world.Clock.Jump(TimeSpan.FromMinutes(2));
        var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pausing = InstrumentedDependencies.Wrap(world, new DynamoDbCallCounter(), s => new InterceptingStateStore(s)
        {
            AfterCheckpoint = async step =>
            {
                if (step == Pipeline.StepNames.Preflight)
                {
                    paused.SetResult();
                    await release.Task;
                }
            },
        });
        var failback = world.InvokeAsync(Failback, pausing);
        await paused.Task.WaitAsync(TimeSpan.FromSeconds(30));
        world.Clock.Jump(TimeSpan.FromSeconds(1));
        var during = world.Alarm();
        world.Clock.Jump(TimeSpan.FromSeconds(1));
        release.SetResult();
        var (back, _) = await failback;

        var (result, error) = await world.InvokeAsync(during);

        Assert.Equal(Outcome.FailedBack, back!.Outcome);
        Assert.Null(error);
        Assert.Equal(Outcome.Suppressed, result!.Outcome);
        Assert.Single(world.Cloud.Sns.GetMessages(), m => m.Attributes["outcome"].StringValue == "Suppressed");
    }

    /// <summary>Ten duplicates of a new alarm racing each other within the cooldown after an operator's failover: one Suppressed page, not
    /// ten.</summary>
    [Fact]
    public async Task HandleAsync_TenDuplicatesWithinCooldown_OneSuppressedPage()
    {
        await using var world = await WorldHarness.StartAsync();
        await world.InvokeAsync(WorldHarness.Command("failover", "\"confirm\":\"shop\""));
        world.Clock.Jump(TimeSpan.FromMinutes(1));
        var alarm = world.Alarm();

        var results = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => world.InvokeAsync(alarm)));

        Assert.All(results, r => Assert.Equal(Outcome.Suppressed, r.Result!.Outcome));
        var suppressed = world.Cloud.Sns.GetMessages().Where(m => m.Attributes["outcome"].StringValue == "Suppressed").ToList();
        Assert.Single(suppressed);
    }
}
