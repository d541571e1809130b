using FailoverOrchestrator.Cli.Drill;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>
/// The process dies right after a step's checkpoint, lease still held. Until the lease expires a retry is turned away
/// (when told not to wait) or waits the lease out (the default); after it, the retry takes over, resumes from the
/// checkpoint and does not run a completed step again.
/// </summary>
public sealed class CrashRecoveryTests
{
    public static TheoryData<string> Steps() => new(StepNames.DefaultOrder);

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task HandleAsync_CrashAfterCheckpoint_RetryTakesOverAfterLeaseAndSkipsCompletedSteps(string crashed)
    {
        await using var world = await WorldHarness.StartAsync([new("Orchestrator:Apps:shop:WaitOutLiveLease", "false")]);
        var probe = new WorldProbe(world);
        var alarm = world.Alarm();
        var counter = new DynamoDbCallCounter();
        var crashing = InstrumentedDependencies.Wrap(world, counter, s => new InterceptingStateStore(s)
        {
            AfterCheckpoint = step => step == crashed
                ? throw new SimulatedCrashException($"the process died right after {step} was checkpointed") : Task.CompletedTask,
        });
        var completed = StepNames.DefaultOrder.TakeWhile(s => s != crashed).Append(crashed).ToList();

        var (_, crash) = await world.InvokeAsync(alarm, crashing);
        var (early, _) = await world.InvokeAsync(alarm, InstrumentedDependencies.Wrap(world, counter));
        world.Clock.Jump(TimeSpan.FromSeconds(world.App.LeaseSeconds + 1));
        var (retry, retryError) = await world.InvokeAsync(alarm, InstrumentedDependencies.Wrap(world, counter));

        Assert.IsType<SimulatedCrashException>(crash);
        Assert.Equal(Outcome.InProgressElsewhere, early!.Outcome);
        Assert.Null(retryError);
        Assert.Equal(Outcome.FailedOver, retry!.Outcome);
        Assert.Equal(StepNames.DefaultOrder, retry.Steps.Select(s => s.Name));
        Assert.All(retry.Steps, s =>
            Assert.Equal(completed.Contains(s.Name) ? StepStatus.SkippedCompleted : StepStatus.Succeeded, s.Status));
        Assert.Equal((1, 1, 1), probe.SideEffects());
        Assert.Equal(1, counter.Count("PutItem", world.App.WriterControl.TableName));
        var state = await probe.StateAsync();
        Assert.Equal((Phase.Steady, probe.Standby, 2L, 2, retry.ExecutionId),
            (state!.Phase, state.ActiveRegion, state.Epoch, state.Attempts, state.ExecutionId));
        Assert.Equal(world.App.Regions[probe.Standby].TargetDnsName, probe.RecordTarget().TrimEnd('.'));
        var expected = AuditTrail.Attempt("LeaseAcquired", completed)
            .Append("Duplicate")
            .Concat(AuditTrail.Attempt("LeaseTakenOver", StepNames.DefaultOrder.Except(completed)))
            .Append("Completed");
        Assert.Equal(expected, AuditTrail.Lines(await probe.AuditAsync()));
    }

    [Fact]
    public async Task HandleAsync_RetryWhileDeadInvocationsLeaseIsLive_WaitsItOutThenTakesOver()
    {
        await using var world = await WorldHarness.StartAsync(
        [
            new("Orchestrator:Apps:shop:LeaseSeconds", "10"), new("Orchestrator:Apps:shop:EcsWaitSeconds", "5"),
                new("Orchestrator:Apps:shop:DnsWaitSeconds", "5"),
        ]);
        var probe = new WorldProbe(world);
        var alarm = world.Alarm();
        var crashing = InstrumentedDependencies.Wrap(world, new DynamoDbCallCounter(), s => new InterceptingStateStore(s)
        {
            AfterCheckpoint = step => step == StepNames.PromoteWriter
                ? throw new SimulatedCrashException($"the process died right after {step} was checkpointed") : Task.CompletedTask,
        });
        await world.InvokeAsync(alarm, crashing);
        var leaseEnds = (await probe.StateAsync())!.LeaseExpiresAt!.Value;

        var (retry, error) = await world.InvokeAsync(alarm);

        Assert.Null(error);
        Assert.Equal(Outcome.FailedOver, retry!.Outcome);
        Assert.True(world.Clock.GetUtcNow() >= leaseEnds, "the retry waited for the dead invocation's lease to expire");
        Assert.Equal(
            [StepStatus.SkippedCompleted, StepStatus.SkippedCompleted, StepStatus.SkippedCompleted, StepStatus.SkippedCompleted,
                StepStatus.Succeeded, StepStatus.Succeeded, StepStatus.Succeeded],
            retry.Steps.Select(s => s.Status));
        Assert.Equal((1, 1, 1), probe.SideEffects());
    }
}
