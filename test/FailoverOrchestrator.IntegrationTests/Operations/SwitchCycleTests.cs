using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.IntegrationTests.Operations;

public class SwitchCycleTests
{
    private static readonly string Failback = WorldHarness.Command("failback", "\"confirm\":\"shop\"");

    [Fact]
    public async Task HandleAsync_FailoverThenFailback_EveryResourceBackToItsOriginalValue()
    {
        await using var world = await WorldHarness.StartAsync();
        var original = await WorldSnapshot.TakeAsync(world);
        var primaryCheck = world.App.Regions["us-east-1"].HealthCheckId;
        world.Cloud.Route53.SetHealthCheckStatus(primaryCheck, healthy: false);
        var (over, _) = await world.InvokeAsync(world.Alarm());
        world.Cloud.Route53.SetHealthCheckStatus(primaryCheck, healthy: true);
        world.Clock.Jump(TimeSpan.FromMinutes(1));

        var (back, error) = await world.InvokeAsync(Failback);

        Assert.Null(error);
        Assert.Equal(Outcome.FailedOver, over!.Outcome);
        Assert.Equal(Outcome.FailedBack, back!.Outcome);
        Assert.Equal("us-east-1", back.ActiveRegion);
        Assert.Equal(["Preflight", "EcsScaleUp", "TargetHealthy", "PromoteWriter", "DnsUpsert", "EcsScaleDown", "SnsNotify", "AuditLog"],
            back.Steps.Select(s => s.Name));
        // A failover leaves the primary at its active counts, so the failback has no capacity to add there.
        Assert.Equal(
            [StepStatus.Succeeded, StepStatus.Unchanged, StepStatus.Succeeded, StepStatus.Succeeded, StepStatus.Succeeded,
                StepStatus.Succeeded, StepStatus.Succeeded, StepStatus.Succeeded],
            back.Steps.Select(s => s.Status));
        var now = await WorldSnapshot.TakeAsync(world);
        Assert.Equal(original.Records, now.Records);
        // ScaleDownAfterFailback: the standby is back at its standby count, the primary at its active count.
        Assert.Equal(original.Services, now.Services);
        var writer = await WorldSnapshot.ReadWriterAsync(world, "us-east-1");
        Assert.Equal("us-east-1", writer.WriterRegion);
        var status = (await world.InvokeAsync(WorldHarness.Command("status"))).Result!;
        Assert.Equal(("Steady", "us-east-1"), (status.Status!.Phase, status.ActiveRegion));
        Assert.Equal(status.Status.Epoch, writer.Epoch);
        var messages = world.Cloud.Sns.GetMessages();
        Assert.Equal(["[failover] FAILED OVER shop to us-west-2", "[failover] FAILED BACK shop to us-east-1"],
            messages.Select(m => m.Subject));
        OnCallMessages.AssertReadable(messages[1], "us-east-1", withSteps: true);
    }

    [Fact]
    public async Task HandleAsync_FailbackWhilePrimaryUnhealthy_BlockedAndStaysOnStandby()
    {
        await using var world = await WorldHarness.StartAsync();
        world.Cloud.Route53.SetHealthCheckStatus(world.App.Regions["us-east-1"].HealthCheckId, healthy: false);
        await world.InvokeAsync(world.Alarm());
        var before = await WorldSnapshot.TakeAsync(world);

        var (result, _) = await world.InvokeAsync(Failback);

        Assert.Equal(Outcome.Blocked, result!.Outcome);
        Assert.Equal("us-west-2", result.ActiveRegion);
        var after = await WorldSnapshot.TakeAsync(world);
        Assert.Equal((before.Records, before.Services, before.Writer, before.Changes),
            (after.Records, after.Services, after.Writer, after.Changes));
        Assert.Equal("[failover] Blocked shop -> us-east-1", world.Cloud.Sns.GetMessages()[^1].Subject);
    }

    [Fact]
    public async Task HandleAsync_AlarmBackToOk_IgnoredAndNeverFailsBack()
    {
        await using var world = await WorldHarness.StartAsync();
        await world.InvokeAsync(world.Alarm());
        world.Clock.Jump(TimeSpan.FromHours(1));
        var before = await WorldSnapshot.TakeAsync(world);

        var (result, error) = await world.InvokeAsync(world.Alarm(state: "OK", previous: "ALARM"));

        Assert.Null(error);
        Assert.Equal(Outcome.Ignored, result!.Outcome);
        Assert.Contains("failback is never automatic", result.Reason);
        Assert.Equal(before, await WorldSnapshot.TakeAsync(world));
        Assert.Single(world.Cloud.Sns.GetMessages());
    }
}
