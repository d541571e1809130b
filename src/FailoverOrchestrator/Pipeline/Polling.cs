namespace FailoverOrchestrator.Pipeline;

/// <summary>The one poll loop of the function: every wait on AWS (tasks running, a change INSYNC, a healthy check, another holder's lease)
/// reads through it.</summary>
internal static class Polling
{
    /// <summary>
    /// Reads with <paramref name="done"/> until it says so, sleeping on <paramref name="time"/> between reads as
    /// <paramref name="schedule"/> says (or less, when <paramref name="shorten"/> cuts a sleep). Returns true once
    /// done; false, without sleeping, when the next sleep would end after <paramref name="deadline"/>.
    /// </summary>
    public static async Task<bool> UntilAsync(
        Func<CancellationToken, Task<bool>> done,
        PollSchedule schedule,
        DateTimeOffset? deadline,
        TimeProvider time,
        CancellationToken cancellationToken,
        Func<TimeSpan, TimeSpan>? shorten = null)
    {
        for (var delay = schedule.First; ; delay = schedule.After(delay))
        {
            if (await done(cancellationToken))
            {
                return true;
            }

            var sleep = shorten?.Invoke(delay) ?? delay;
            if (deadline is { } end && time.GetUtcNow() + sleep > end)
            {
                return false;
            }

            await Task.Delay(sleep, time, cancellationToken);
        }
    }
}
