using System.Globalization;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using Xunit.Abstractions;

namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>
/// The same alarm event delivered again and again (CloudWatch retries, Lambda's asynchronous retries, an SNS
/// redelivery): one execution, and every side-effecting call made once.
/// </summary>
public sealed class DuplicateDeliveryTests(ITestOutputHelper output)
{
    private const int Deliveries = 20;

    // One minute apart, so the deliveries straddle the 10-minute cooldown of the test configuration: the later ones
    // are refused by the state alone (already in the target region, same trigger key), not by flap protection.
    private static readonly TimeSpan Spacing = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task HandleAsync_SameAlarmDeliveredTwentyTimes_OneExecutionAndEachSideEffectOnce()
    {
        await using var world = await WorldHarness.StartAsync();
        var probe = new WorldProbe(world);
        var alarm = world.Alarm();
        var counters = Enumerable.Range(0, Deliveries).Select(_ => new DynamoDbCallCounter()).ToList();

        var invocations = new List<(FailoverResult? Result, Exception? Error)>();
        foreach (var counter in counters)
        {
            invocations.Add(await world.InvokeAsync(alarm, InstrumentedDependencies.Wrap(world, counter)));
            world.Clock.Jump(Spacing);
        }

        Assert.All(invocations, i => Assert.Null(i.Error));
        var results = invocations.Select(i => i.Result).ToList();
        var owner = results[0]!;
        Assert.Equal(Outcome.FailedOver, owner.Outcome);
        Assert.All(results.Skip(1), r => Assert.Equal(Outcome.AlreadyInTargetState, r!.Outcome));
        Assert.All(results.Skip(1), r => Assert.StartsWith("a duplicate delivery", r!.Reason, StringComparison.Ordinal));
        Assert.Equal((1, 1, 1), probe.SideEffects());
        Assert.Equal(1, counters.Sum(c => c.Count("PutItem", world.App.WriterControl.TableName)));
        var writer = await probe.WriterAsync();
        Assert.Equal((probe.Standby, 1L, owner.ExecutionId), (writer!.WriterRegion, writer.Epoch, writer.ExecutionId));
        var state = await probe.StateAsync();
        Assert.Equal((Phase.Steady, probe.Standby, 1L, owner.ExecutionId),
            (state!.Phase, state.ActiveRegion, state.Epoch, state.ExecutionId));
        var expected = AuditTrail.Attempt("LeaseAcquired", StepNames.DefaultOrder).Append("Completed")
            .Concat(Enumerable.Repeat("Duplicate", Deliveries - 1));
        Assert.Equal(expected, AuditTrail.Lines(await probe.AuditAsync()));
        output.WriteLine(
            string.Create(CultureInfo.InvariantCulture, $"owner: {counters[0].Total} DynamoDB calls ({counters[0].Describe()})"));
        output.WriteLine(
            string.Create(CultureInfo.InvariantCulture, $"each duplicate: {counters[1].Total} DynamoDB calls ({counters[1].Describe()})"));
    }
}
