using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.Cli.Drill;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>
/// Side effects between checkpoints: a holder paused past its lease (a frozen container) must not touch the world
/// after it wakes, and a retry after a crash between a change and its checkpoint must not make the change twice.
/// The pause is a seam in the state store (the holder waits on a task the test completes), not a sleep.
/// </summary>
public sealed class FencedSideEffectTests
{
    private static readonly string Failback = WorldHarness.Command("failback", "\"confirm\":\"shop\"");

    /// <summary>
    /// A holds the lease and is frozen right after the checkpoint of <paramref name="pausedAfter"/>; its retry takes
    /// over and completes; an operator fails back. When A wakes it must make no AWS call at all: before the fence it
    /// pointed the record at the standby again (after DnsUpsert's turn), rescaled it, or paged "FAILED OVER" again.
    /// </summary>
    [Theory]
    [InlineData(StepNames.Preflight)]
    [InlineData(StepNames.PromoteWriter)]
    [InlineData(StepNames.DnsUpsert)]
    public async Task HandleAsync_HolderPausedPastLeaseThenFailback_WakesAndMakesNoCall(string pausedAfter)
    {
        await using var world = await WorldHarness.StartAsync();
        var probe = new WorldProbe(world);
        var alarm = world.Alarm();
        var paused = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var pausing = InstrumentedDependencies.Wrap(world, new DynamoDbCallCounter(), s => new InterceptingStateStore(s)
        {
            AfterCheckpoint = async step =>
            {
                if (step == pausedAfter && !paused.Task.IsCompleted)
                {
                    paused.SetResult();
                    await release.Task;
                }
            },
        });
        var holderA = world.InvokeAsync(alarm, pausing);
        await paused.Task.WaitAsync(TimeSpan.FromSeconds(30));
        world.Clock.Jump(TimeSpan.FromSeconds(world.App.LeaseSeconds + 1));
        var (retry, _) = await world.InvokeAsync(alarm);
        var (back, _) = await world.InvokeAsync(Failback);
        var calls = world.Cloud.Calls.Snapshot().Count;
        var messages = world.Cloud.Sns.GetMessages().Count;

        release.SetResult();
        var (resultA, errorA) = await holderA;

        Assert.Equal(Outcome.FailedOver, retry!.Outcome);
        Assert.Equal(Outcome.FailedBack, back!.Outcome);
        Assert.Null(errorA);
        Assert.Equal(Outcome.InProgressElsewhere, resultA!.Outcome);
        Assert.Equal(calls, world.Cloud.Calls.Snapshot().Count);
        Assert.Equal(messages, world.Cloud.Sns.GetMessages().Count);
        Assert.Equal(world.App.Regions[world.App.PrimaryRegion].TargetDnsName, probe.RecordTarget().TrimEnd('.'));
        Assert.Equal(world.App.PrimaryRegion, (await probe.StateAsync())!.ActiveRegion);
    }

    /// <summary>The process dies after SNS accepted the "FAILED OVER" page and before its checkpoint: the retry must not page
    /// again.</summary>
    [Fact]
    public async Task HandleAsync_CrashBetweenPublishAndCheckpoint_RetryDoesNotPageAgain()
    {
        await using var world = await WorldHarness.StartAsync([new("Orchestrator:Apps:shop:WaitOutLiveLease", "false")]);
        var alarm = world.Alarm();
        var crashing = InstrumentedDependencies.Wrap(world, new DynamoDbCallCounter(), s => new InterceptingStateStore(s)
        {
            BeforeCheckpoint = step => step == StepNames.SnsNotify
                ? throw new SimulatedCrashException("the process died right after the page went out") : Task.CompletedTask,
        });

        var (_, crash) = await world.InvokeAsync(alarm, crashing);
        world.Clock.Jump(TimeSpan.FromSeconds(world.App.LeaseSeconds + 1));
        var (retry, error) = await world.InvokeAsync(alarm);

        Assert.IsType<SimulatedCrashException>(crash);
        Assert.Null(error);
        Assert.Equal(Outcome.FailedOver, retry!.Outcome);
        Assert.Equal(StepStatus.Unchanged, retry.Steps.Single(s => s.Name == StepNames.SnsNotify).Status);
        var page = Assert.Single(world.Cloud.Sns.GetMessages());
        Assert.Equal($"shop/{retry.ExecutionId}/FailedOver", page.Attributes["deduplicationKey"].StringValue);
        Assert.Contains($"\nDeduplication key: shop/{retry.ExecutionId}/FailedOver\n", page.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The process dies after PromoteWriter's PutItem and before its checkpoint: the retry, at epoch 2, must not write
    /// the writer-control item again, or the application sees two writer changes (epochs 1 and 2) for one switch.
    /// </summary>
    [Fact]
    public async Task HandleAsync_CrashBetweenWriterPutAndCheckpoint_RetryLeavesTheSameItem()
    {
        await using var world = await WorldHarness.StartAsync([new("Orchestrator:Apps:shop:WaitOutLiveLease", "false")]);
        var probe = new WorldProbe(world);
        var alarm = world.Alarm();
        var crashing = InstrumentedDependencies.Wrap(world, new DynamoDbCallCounter(), s => new InterceptingStateStore(s)
        {
            BeforeCheckpoint = step => step == StepNames.PromoteWriter
                ? throw new SimulatedCrashException("the process died right after the writer item was written") : Task.CompletedTask,
        });
        await world.InvokeAsync(alarm, crashing);
        var first = await ReadWriterItemAsync(world);
        world.Clock.Jump(TimeSpan.FromSeconds(world.App.LeaseSeconds + 1));

        var (retry, error) = await world.InvokeAsync(alarm);

        Assert.Null(error);
        Assert.Equal(Outcome.FailedOver, retry!.Outcome);
        Assert.Equal(StepStatus.Unchanged, retry.Steps.Single(s => s.Name == StepNames.PromoteWriter).Status);
        Assert.Equal(2L, (await probe.StateAsync())!.Epoch);
        Assert.Equal(first, await ReadWriterItemAsync(world));
        Assert.Equal((world.App.StandbyRegion, 1L), ((await probe.WriterAsync())!.WriterRegion, (await probe.WriterAsync())!.Epoch));
    }

    private static async Task<string> ReadWriterItemAsync(WorldHarness world)
    {
        var item = (await world.World.DynamoDb(world.App.StandbyRegion).GetItemAsync(new GetItemRequest
        {
            TableName = world.App.WriterControl.TableName,
            Key = new() { ["pk"] = new AttributeValue { S = world.App.WriterControl.Key } },
            ConsistentRead = true,
        })).Item;
        return string.Join(", ", item.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.S ?? p.Value.N}"));
    }
}
