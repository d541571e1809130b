using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.IntegrationTests.Operations;

/// <summary>The harness's cooldown is 600 s.</summary>
public class CooldownTests
{
    [Fact]
    public async Task HandleAsync_NewAlarmWithinCooldownAfterFailback_SuppressedAndNotified()
    {
        await using var world = await WorldHarness.StartAsync();
        await FailOverAndBackAsync(world);
        world.Clock.Jump(TimeSpan.FromMinutes(1));
        var before = await WorldSnapshot.TakeAsync(world);

        var (result, error) = await world.InvokeAsync(world.Alarm());

        Assert.Null(error);
        Assert.Equal(Outcome.Suppressed, result!.Outcome);
        Assert.Contains("cooldown 600s", result.Reason);
        var after = await WorldSnapshot.TakeAsync(world);
        Assert.Equal(before with { AuditItems = after.AuditItems }, after);
        var message = world.Cloud.Sns.GetMessages()[^1];
        Assert.Equal(3, world.Cloud.Sns.GetMessages().Count);
        Assert.Equal("[failover] Suppressed shop -> us-west-2", message.Subject);
        OnCallMessages.AssertReadable(message, "us-east-1", withSteps: false);
    }

    [Fact]
    public async Task HandleAsync_NewAlarmAfterCooldownAfterFailback_FailsOverAgain()
    {
        await using var world = await WorldHarness.StartAsync();
        await FailOverAndBackAsync(world);
        world.Clock.Jump(TimeSpan.FromMinutes(11));

        var (result, _) = await world.InvokeAsync(world.Alarm());

        Assert.Equal(Outcome.FailedOver, result!.Outcome);
    }

    /// <summary>
    /// Already on the standby, a new primary alarm within the cooldown is flapping: Suppressed, and the on-call hears
    /// of it; nothing changes.
    /// </summary>
    [Fact]
    public async Task HandleAsync_NewAlarmWhileOnStandbyWithinCooldown_SuppressedWithOneMessage()
    {
        await using var world = await WorldHarness.StartAsync();
        await world.InvokeAsync(world.Alarm());
        world.Clock.Jump(TimeSpan.FromMinutes(1));
        var before = await WorldSnapshot.TakeAsync(world);

        var (result, _) = await world.InvokeAsync(world.Alarm());

        Assert.Equal(Outcome.Suppressed, result!.Outcome);
        Assert.Equal("us-west-2", result.ActiveRegion);
        var after = await WorldSnapshot.TakeAsync(world);
        Assert.Equal(before with { AuditItems = after.AuditItems }, after);
        Assert.Equal(2, world.Cloud.Sns.GetMessages().Count);
        Assert.StartsWith("[failover] Suppressed shop", world.Cloud.Sns.GetMessages()[1].Subject, StringComparison.Ordinal);
    }

    /// <summary>After the cooldown, a new primary alarm while on the standby has nothing to switch: AlreadyInTargetState, no
    /// page.</summary>
    [Fact]
    public async Task HandleAsync_NewAlarmWhileOnStandbyAfterCooldown_AlreadyInTargetStateWithoutMessage()
    {
        await using var world = await WorldHarness.StartAsync();
        await world.InvokeAsync(world.Alarm());
        world.Clock.Jump(TimeSpan.FromMinutes(11));
        var before = await WorldSnapshot.TakeAsync(world);

        var (result, _) = await world.InvokeAsync(world.Alarm());

        Assert.Equal(Outcome.AlreadyInTargetState, result!.Outcome);
        var after = await WorldSnapshot.TakeAsync(world);
        Assert.Equal(before with { AuditItems = after.AuditItems }, after);
        Assert.Single(world.Cloud.Sns.GetMessages());
    }

    [Fact]
    public async Task HandleAsync_AlarmOfTheStandbysOwnHealthCheck_NeverSwitchesBack()
    {
        await using var world = await WorldHarness.StartAsync([new("Orchestrator:Apps:shop:AlarmNames:1", "shop-standby-unhealthy")]);
        await world.InvokeAsync(world.Alarm());
        world.Clock.Jump(TimeSpan.FromHours(1));
        var before = await WorldSnapshot.TakeAsync(world);

        var (result, _) =
            await world.InvokeAsync(world.Alarm().Replace("shop-primary-unhealthy", "shop-standby-unhealthy", StringComparison.Ordinal));

        Assert.Equal(Outcome.AlreadyInTargetState, result!.Outcome);
        var after = await WorldSnapshot.TakeAsync(world);
        Assert.Equal((before.Records, before.Services, before.Writer, before.State),
            (after.Records, after.Services, after.Writer, after.State));
        Assert.Single(world.Cloud.Sns.GetMessages());
    }

    /// <summary>An alarm's failover, then a minute later the operator's failback: the cooldown starts again from there.</summary>
    private static async Task FailOverAndBackAsync(WorldHarness world)
    {
        var (over, _) = await world.InvokeAsync(world.Alarm());
        world.Clock.Jump(TimeSpan.FromMinutes(1));
        var (back, _) = await world.InvokeAsync(WorldHarness.Command("failback", "\"confirm\":\"shop\""));
        Assert.Equal((Outcome.FailedOver, Outcome.FailedBack), (over!.Outcome, back!.Outcome));
    }
}
