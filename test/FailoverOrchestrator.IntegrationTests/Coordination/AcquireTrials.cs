using System.Diagnostics;
using System.Globalization;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.Coordination;

/// <summary>
/// Trials of many contenders taking one app's lease at once on dynalite, each on a fresh app: exactly one owner per
/// trial, checked against the stored item. The suite runs a few; the benchmark runs many and prints the latencies kept.
/// </summary>
internal static class AcquireTrials
{
    public const int Contenders = 50;

    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Runs <paramref name="trials"/> trials on apps named <paramref name="prefix"/>-n; returns every call's latency in
    /// milliseconds.</summary>
    public static async Task<List<double>> RunAsync(DynamoDbStateStore store, int trials, string prefix = "app")
    {
        var latencies = new List<double>(trials * Contenders);
        for (var trial = 0; trial < trials; trial++)
        {
            var app = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{trial}");
            await store.EnsureAsync(app, "us-east-1", Now, CancellationToken.None);

            // An async gate rather than a blocking Barrier: 50 blocked pool threads on 2 cores would stagger the start.
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var contenders = Enumerable.Range(0, Contenders)
                .Select(i => Task.Run(async () =>
                {
                    await gate.Task;
                    var started = Stopwatch.GetTimestamp();

                    // Half deliver the same alarm (one trigger key), half carry keys of their own.
                    var state = await store.TryAcquireAsync(Request(app, i), CancellationToken.None);
                    return (State: state, Milliseconds: Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }))
                .ToList();
            gate.SetResult();
            var results = await Task.WhenAll(contenders);

            var owners = results.Where(r => r.State is not null).ToList();
            Assert.True(owners.Count == 1, $"trial {trial}: {owners.Count} owners");
            var stored = await store.GetAsync(app, CancellationToken.None);
            Assert.Equal(owners[0].State!.ExecutionId, stored!.ExecutionId);
            Assert.Equal(1, stored.Epoch);
            latencies.AddRange(results.Select(r => r.Milliseconds));
        }

        return latencies;
    }

    /// <summary>One caller at a time on fresh apps: the cost of a winning acquire (one UpdateItem) without queueing.</summary>
    public static async Task<List<double>> UncontendedAsync(DynamoDbStateStore store, int count)
    {
        var latencies = new List<double>(count);
        for (var i = 0; i < count; i++)
        {
            var app = string.Create(CultureInfo.InvariantCulture, $"alone-{i}");
            await store.EnsureAsync(app, "us-east-1", Now, CancellationToken.None);
            var started = Stopwatch.GetTimestamp();
            var state = await store.TryAcquireAsync(Request(app, 0), CancellationToken.None);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            Assert.NotNull(state);
        }

        return latencies;
    }

    private static AcquireRequest Request(string app, int contender) => new()
    {
        App = app,
        ExecutionId = string.Create(CultureInfo.InvariantCulture, $"exec-{contender}"),
        SourceRegion = "us-east-1",
        TargetRegion = "us-west-2",
        Phase = Phase.FailingOver,
        TriggerKey = contender % 2 == 0
            ? "arn:aws:cloudwatch:us-east-1:111122223333:alarm:shop#2026-11-26T12:00:00.000Z" : $"operator-{contender}",
        Now = Now,
        Lease = TimeSpan.FromMinutes(1),
        Cooldown = TimeSpan.FromMinutes(5),
    };
}
