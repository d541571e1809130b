using System.Diagnostics;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>
/// Fifty invocations of the real handler released at once on the same alarm, trial after trial on worlds that are
/// put back on the primary in between: each trial is checked for exactly one owner, one of each side effect and the
/// owner's audit trail. A trial mostly waits on the orchestrator's first one-second DNS poll, so worlds side by side
/// share the trials. Each delivery keeps its latency and DynamoDB calls for the benchmark (test/benchmarks).
/// </summary>
internal static class DeliveryTrials
{
    public const int Contenders = 50;

    /// <summary>Runs <paramref name="trials"/> trials shared out over <paramref name="worlds"/> worlds side by side; returns every trial's
    /// deliveries.</summary>
    public static async Task<List<Delivery[]>> RunAsync(int trials, int worlds)
    {
        var lanes =
            await Task.WhenAll(Enumerable.Range(0, worlds).Select(w => RunTrialsAsync(trials / worlds + (w < trials % worlds ? 1 : 0))));
        return lanes.SelectMany(l => l).ToList();
    }

    /// <summary>Runs trials one after the other on a world of its own, with fifty warm containers; returns every trial's
    /// deliveries.</summary>
    private static async Task<List<Delivery[]>> RunTrialsAsync(int trials)
    {
        await using var world = await WorldHarness.StartAsync();
        var probe = new WorldProbe(world);
        var containers = Enumerable.Range(0, Contenders).Select(_ => Container.Start(world)).ToList();
        var done = new List<Delivery[]>(trials);
        try
        {
            for (var trial = 0; trial < trials; trial++)
            {
                await probe.RestorePrimaryAsync();
                containers.ForEach(c => c.Counter.Clear());
                var since = world.Clock.GetUtcNow();
                var deliveries = await DeliverAtOnceAsync(containers, world.Alarm());

                await AssertExactlyOnceAsync(world, probe, trial, since, deliveries);
                done.Add(deliveries);
            }
        }
        finally
        {
            containers.ForEach(c => c.Function.Dispose());
        }

        return done;
    }

    /// <summary>Starts every invocation behind one gate and opens it, so they reach DynamoDB together.</summary>
    private static async Task<Delivery[]> DeliverAtOnceAsync(List<Container> containers, string alarm)
    {
        // An async gate rather than a blocking Barrier: 50 blocked pool threads on 2 cores would stagger the start.
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = containers
            .Select(c => Task.Run(async () =>
            {
                await gate.Task;
                var started = Stopwatch.GetTimestamp();
                var (result, error) = await WorldHarness.InvokeAsync(c.Function, alarm);
                return new Delivery(c, result, error, Stopwatch.GetElapsedTime(started).TotalMilliseconds,
                    c.Store!.LastAcquireLatency.TotalMilliseconds, c.Counter.Total);
            }))
            .ToList();
        gate.SetResult();
        return await Task.WhenAll(running);
    }

    private static async Task AssertExactlyOnceAsync(WorldHarness world, WorldProbe probe, int trial, DateTimeOffset since,
        Delivery[] deliveries)
    {
        Assert.All(deliveries, d => Assert.True(d.Error is null, $"trial {trial}: {d.Error}"));
        var owners = deliveries.Where(d => d.Result!.Outcome == Outcome.FailedOver).ToList();
        Assert.True(owners.Count == 1, $"trial {trial}: {owners.Count} owners");
        Assert.All(deliveries.Except(owners), d =>
            Assert.Contains(d.Result!.Outcome, new[] { Outcome.AlreadyInTargetState, Outcome.InProgressElsewhere }));
        var owner = owners[0].Result!;
        Assert.True(probe.SideEffects() == (1, 1, 1), $"trial {trial}: side effects {probe.SideEffects()}");
        Assert.Equal(1, deliveries.Sum(d => d.Container.Counter.Count("PutItem", world.App.WriterControl.TableName)));
        Assert.Equal(owner.ExecutionId, (await probe.WriterAsync())!.ExecutionId);
        var state = await probe.StateAsync();
        Assert.Equal((Phase.Steady, probe.Standby, 1L, owner.ExecutionId),
            (state!.Phase, state.ActiveRegion, state.Epoch, state.ExecutionId));
        var audit = await probe.AuditAsync(since);
        var expected = AuditTrail.Attempt("LeaseAcquired", StepNames.DefaultOrder).Append("Completed");
        Assert.Equal(expected, AuditTrail.Lines(audit.Where(e => e.ExecutionId == owner.ExecutionId)));
        Assert.Equal(Contenders - 1, audit.Count(e => e.Kind == "Duplicate"));
    }

    /// <summary>A warm Lambda container: the handler built once, its DynamoDB calls counted, its acquire timed.</summary>
    internal sealed class Container
    {
        private Container(DynamoDbCallCounter counter) => Counter = counter;

        public DynamoDbCallCounter Counter { get; }

        public InterceptingStateStore? Store { get; private set; }

        public Function Function { get; private set; } = null!;

        public static Container Start(WorldHarness world)
        {
            var container = new Container(new DynamoDbCallCounter());
            container.Function =
                world.CreateFunction(InstrumentedDependencies.Wrap(world, container.Counter, built: s => container.Store = s));
            return container;
        }
    }

    internal sealed record Delivery(Container Container, FailoverResult? Result, Exception? Error, double InvocationMs, double AcquireMs,
        int DynamoDbCalls);
}
