using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Hosting;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>
/// A holder stalls past its lease (a long GC pause, a frozen container); another invocation takes over and finishes.
/// When the stale holder wakes, its next fenced write fails and it stops without touching AWS again.
/// </summary>
public sealed class StaleHolderTests
{
    [Fact]
    public async Task HandleAsync_HolderPausedPastLease_TakeoverCompletesAndStaleHolderStopsWithoutCalls()
    {
        await using var world = await WorldHarness.StartAsync();
        var probe = new WorldProbe(world);
        var alarm = world.Alarm();
        var counterA = new DynamoDbCallCounter();
        var counterB = new DynamoDbCallCounter();
        var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        // A has scaled the standby up but not yet recorded it: B must redo the step, which finds nothing to change.
        var holderA = world.InvokeAsync(alarm, PausingBeforeScaleUpCheckpoint(world, counterA, paused, release));
        await paused.Task.WaitAsync(TimeSpan.FromSeconds(30));
        world.Clock.Jump(TimeSpan.FromSeconds(world.App.LeaseSeconds + 1));
        var (resultB, errorB) = await world.InvokeAsync(alarm, InstrumentedDependencies.Wrap(world, counterB));
        var callsBeforeResume = world.Cloud.Calls.Snapshot().Count;
        var dynamoBeforeResume = counterA.Total;

        release.SetResult();
        var (resultA, errorA) = await holderA;

        Assert.Null(errorB);
        Assert.Equal(Outcome.FailedOver, resultB!.Outcome);
        Assert.Equal(StepStatus.Unchanged, resultB.Steps.Single(s => s.Name == StepNames.EcsScaleUp).Status);
        Assert.Null(errorA);
        Assert.Equal(Outcome.InProgressElsewhere, resultA!.Outcome);
        Assert.Contains("another invocation took over", resultA.Reason, StringComparison.Ordinal);
        Assert.Equal(callsBeforeResume, world.Cloud.Calls.Snapshot().Count);
        Assert.Equal((1, 1, 1), probe.SideEffects());
        Assert.Equal(0, counterA.Count("PutItem", world.App.WriterControl.TableName));

        // After waking, A only wrote DynamoDB: the refused checkpoint, the consistent read that tells a lost lease from
        // a retried write, and the LeaseLost audit item.
        Assert.Equal(dynamoBeforeResume + 3, counterA.Total);
        await AssertTakeoverCompletedThenLeaseLostAsync(probe);
    }

    /// <summary>A's dependencies: its state store says it paused before the EcsScaleUp checkpoint, then waits for the release.</summary>
    private static Func<AwsDependencies, AwsDependencies> PausingBeforeScaleUpCheckpoint(
        WorldHarness world, DynamoDbCallCounter counter, TaskCompletionSource paused, TaskCompletionSource release) =>
        InstrumentedDependencies.Wrap(world, counter, s => new InterceptingStateStore(s)
        {
            BeforeCheckpoint = async step =>
            {
                if (step == StepNames.EcsScaleUp)
                {
                    paused.SetResult();
                    await release.Task;
                }
            },
        });

    /// <summary>B's takeover left the standby the writer and the item Steady there; the audit trail ends with A's LeaseLost.</summary>
    private static async Task AssertTakeoverCompletedThenLeaseLostAsync(WorldProbe probe)
    {
        var writer = await probe.WriterAsync();
        Assert.Equal((probe.Standby, 2L), (writer!.WriterRegion, writer.Epoch));
        var state = await probe.StateAsync();
        Assert.Equal((Phase.Steady, probe.Standby, 2L), (state!.Phase, state.ActiveRegion, state.Epoch));
        var expected = AuditTrail.Attempt("LeaseAcquired", [StepNames.Preflight])
            .Concat(["StepStarted EcsScaleUp", "StepSucceeded EcsScaleUp"])
            .Concat(AuditTrail.Attempt("LeaseTakenOver", []))
            .Append("StepStarted EcsScaleUp").Append("StepUnchanged EcsScaleUp")
            .Concat(StepNames.DefaultOrder.Skip(2).SelectMany(s => new[] { $"StepStarted {s}", $"StepSucceeded {s}" }))
            .Append("Completed")
            .Append("LeaseLost");
        Assert.Equal(expected, AuditTrail.Lines(await probe.AuditAsync()));
    }
}
