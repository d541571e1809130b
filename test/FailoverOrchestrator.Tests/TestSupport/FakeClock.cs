using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace FailoverOrchestrator.Tests.TestSupport;

/// <summary>
/// The one driver of a <see cref="FakeTimeProvider"/> for code that waits on it: the work runs off the test
/// framework's synchronization context (its continuations on the thread pool) while a dedicated thread moves the clock
/// forward a step at a time until the work completes. Between steps it lets the continuations the last step released
/// reach the thread pool's workers, spinning rather than sleeping: no real time is waited for.
/// </summary>
internal static class FakeClock
{
    /// <summary>A guard, not a timing: work that never completes fails the test instead of hanging it.</summary>
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>How many spins a step waits at most for the thread pool's queue to empty (other tests may keep it busy).</summary>
    private const int MaxSettleSpins = 2_000;

    public static FakeTimeProvider At(DateTimeOffset start) => new(start);

    /// <summary>
    /// Runs <paramref name="work"/>, advancing <paramref name="time"/> by <paramref name="step"/> (1 ms unless given)
    /// until it completes.
    /// </summary>
    public static Task<T> RunAsync<T>(FakeTimeProvider time, Func<Task<T>> work, TimeSpan? step = null) =>
        Task.Factory.StartNew(
            () =>
            {
                var each = step ?? TimeSpan.FromMilliseconds(1);
                var task = work();
                var watch = Stopwatch.StartNew();
                while (!task.IsCompleted)
                {
                    Assert.True(watch.Elapsed < RealTimeLimit, $"The work did not complete within {RealTimeLimit} of real time.");
                    Settle();
                    if (!task.IsCompleted)
                    {
                        time.Advance(each);
                    }
                }

                return task;
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap();

    private static void Settle()
    {
        var spin = default(SpinWait);
        for (var i = 0; i < MaxSettleSpins && (i < 20 || ThreadPool.PendingWorkItemCount > 0); i++)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }
    }
}
