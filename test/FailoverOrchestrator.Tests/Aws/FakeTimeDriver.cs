using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace FailoverOrchestrator.Tests.Aws;

/// <summary>Moves a <see cref="FakeTimeProvider"/> forward a millisecond at a time until the work under test completes.</summary>
internal static class FakeTimeDriver
{
    private static readonly TimeSpan RealTimeLimit = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Starts <paramref name="work"/> off the test framework's synchronization context, so its continuations run on
    /// the thread pool, and drives the clock from a dedicated thread. Work that only waits on timers advances
    /// exactly: each timer's continuation runs inside <see cref="FakeTimeProvider.Advance"/>.
    /// </summary>
    public static Task<T> RunAsync<T>(FakeTimeProvider time, Func<Task<T>> work) =>
        Task.Factory.StartNew(
            () =>
            {
                var task = work();
                var watch = Stopwatch.StartNew();
                while (!task.IsCompleted)
                {
                    Assert.True(watch.Elapsed < RealTimeLimit, $"The work did not complete within {RealTimeLimit} of real time.");
                    Thread.Yield();
                    time.Advance(TimeSpan.FromMilliseconds(1));
                }

                return task;
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default).Unwrap();
}
