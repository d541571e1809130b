using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>ALARM, OK, ALARM within the cooldown: one failover, no automatic failback, the second alarm suppressed and told to the
/// on-call.</summary>
public sealed class FlappingAlarmTests
{
    [Fact]
    public async Task HandleAsync_AlarmOkAlarmWithinCooldown_OneFailoverOkIgnoredSecondAlarmSuppressed()
    {
        await using var world = await WorldHarness.StartAsync();
        var probe = new WorldProbe(world);

        var (first, _) = await world.InvokeAsync(world.Alarm());
        world.Clock.Jump(TimeSpan.FromMinutes(2));
        var (ok, _) = await world.InvokeAsync(world.Alarm("OK", "ALARM"));
        world.Clock.Jump(TimeSpan.FromMinutes(2));
        var (second, secondError) = await world.InvokeAsync(world.Alarm());

        Assert.Equal(Outcome.FailedOver, first!.Outcome);
        Assert.Equal(Outcome.Ignored, ok!.Outcome);
        Assert.Null(secondError);
        Assert.Equal(Outcome.Suppressed, second!.Outcome);
        Assert.Equal(probe.Standby, second.ActiveRegion);
        Assert.Equal((1, 1, 2), probe.SideEffects());
        Assert.Collection(
            world.Cloud.Sns.GetMessages(),
            m => Assert.Equal("[failover] FAILED OVER shop to us-west-2", m.Subject),
            m => Assert.StartsWith("[failover] Suppressed shop", m.Subject, StringComparison.Ordinal));
        Assert.Equal(world.App.Regions[probe.Standby].TargetDnsName, probe.RecordTarget().TrimEnd('.'));
        var state = await probe.StateAsync();
        Assert.Equal((Phase.Steady, probe.Standby, 1L), (state!.Phase, state.ActiveRegion, state.Epoch));
        var expected = AuditTrail.Attempt("LeaseAcquired", StepNames.DefaultOrder).Append("Completed").Append("Suppressed");
        Assert.Equal(expected, AuditTrail.Lines(await probe.AuditAsync()));
    }
}
