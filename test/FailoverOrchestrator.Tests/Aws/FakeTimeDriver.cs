using Microsoft.Extensions.Time.Testing;

namespace FailoverOrchestrator.Tests.Aws;

/// <summary>Moves a <see cref="FakeTimeProvider"/> forward a millisecond at a time until the work under test completes.</summary>
internal static class FakeTimeDriver
{
    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Func<Task<T>> work)
    {
        var task = work();
        for (var step = 0; !task.IsCompleted; step++)
        {
            Assert.True(step < 120_000, "The work did not complete within two minutes of fake time.");

            // Let the code under test reach its next timer before time moves on.
            await Task.Yield();
            time.Advance(TimeSpan.FromMilliseconds(1));
        }

        return await task;
    }
}
