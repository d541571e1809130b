using System.Diagnostics;
using System.Globalization;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.State;
using Xunit.Abstractions;

namespace FailoverOrchestrator.IntegrationTests.Coordination;

/// <summary>
/// Many invocations delivered the same alarm at once: exactly one may own the execution. The number of trials can be
/// raised with <c>ACQUIRE_TRIALS</c>; the acquire latency is printed, not asserted.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class ConcurrentAcquireTests(DynaliteFixture fixture, ITestOutputHelper output)
{
    private const int Contenders = 50;
    private const int DefaultTrials = 200;

    [Fact]
    public async Task TryAcquireAsync_ManyContendersAtOnce_ExactlyOneOwnerPerTrial()
    {
        var trials = TrialCount();
        var store = new DynamoDbStateStore(fixture.Clients, DynaliteFixture.Region, await fixture.CreateStateTableAsync());
        var now = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        var latencies = new List<double>(trials * Contenders);
        var ownersPerTrial = new List<int>(trials);

        for (var trial = 0; trial < trials; trial++)
        {
            var app = string.Create(CultureInfo.InvariantCulture, $"app-{trial}");
            await store.EnsureAsync(app, "us-east-1", now, CancellationToken.None);

            // An async gate rather than a blocking Barrier: 50 blocked pool threads on 2 cores would stagger the start.
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var contenders = Enumerable.Range(0, Contenders)
                .Select(i => Task.Run(async () =>
                {
                    await gate.Task;
                    var stopwatch = Stopwatch.StartNew();

                    // Half deliver the same alarm (one trigger key), half carry keys of their own.
                    var state = await store.TryAcquireAsync(Request(app, i, now), CancellationToken.None);
                    return (state, stopwatch.Elapsed.TotalMilliseconds);
                }))
                .ToList();
            gate.SetResult();
            var results = await Task.WhenAll(contenders);

            var owners = results.Where(r => r.state is not null).ToList();
            ownersPerTrial.Add(owners.Count);
            latencies.AddRange(results.Select(r => r.TotalMilliseconds));
            Assert.True(owners.Count == 1, $"trial {trial}: {owners.Count} owners");
            var stored = await store.GetAsync(app, CancellationToken.None);
            Assert.Equal(owners[0].state!.ExecutionId, stored!.ExecutionId);
            Assert.Equal(1, stored.Epoch);
        }

        var alone = await UncontendedLatenciesAsync(store, trials, now);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"trials {trials} x {Contenders} contenders: owners per trial min {ownersPerTrial.Min()} max {ownersPerTrial.Max()}; TryAcquireAsync {Summary(latencies)}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{trials} uncontended TryAcquireAsync calls: {Summary(alone)}"));
        Assert.All(ownersPerTrial, owners => Assert.Equal(1, owners));
    }

    /// <summary>One caller at a time on fresh apps: the cost of a winning acquire (one UpdateItem) without queueing.</summary>
    private static async Task<List<double>> UncontendedLatenciesAsync(DynamoDbStateStore store, int count, DateTimeOffset now)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var app = string.Create(CultureInfo.InvariantCulture, $"alone-{i}");
            await store.EnsureAsync(app, "us-east-1", now, CancellationToken.None);
            var stopwatch = Stopwatch.StartNew();
            var state = await store.TryAcquireAsync(Request(app, 0, now), CancellationToken.None);
            latencies.Add(stopwatch.Elapsed.TotalMilliseconds);
            Assert.NotNull(state);
        }

        return latencies;
    }

    private static string Summary(List<double> latencies) => "latency " + LatencySummary.Describe(latencies);

    private static AcquireRequest Request(string app, int contender, DateTimeOffset now) => new()
    {
        App = app,
        ExecutionId = string.Create(CultureInfo.InvariantCulture, $"exec-{contender}"),
        SourceRegion = "us-east-1",
        TargetRegion = "us-west-2",
        Phase = Phase.FailingOver,
        TriggerKey = contender % 2 == 0 ? "arn:aws:cloudwatch:us-east-1:111122223333:alarm:shop#2026-11-26T12:00:00.000Z" : $"operator-{contender}",
        Now = now,
        Lease = TimeSpan.FromMinutes(1),
        Cooldown = TimeSpan.FromMinutes(5),
    };

    private static int TrialCount() =>
        int.TryParse(Environment.GetEnvironmentVariable("ACQUIRE_TRIALS"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var trials) && trials > 0
            ? trials
            : DefaultTrials;
}
