using FailoverOrchestrator.Configuration;

namespace FailoverOrchestrator.Watch;

/// <summary>
/// Tells a flapping primary: within the latest Watch:FlapWindowRuns runs, at least Watch:FlapFailedRuns failed, in two
/// or more separate failing streaks (a single streak is an outage, which Watch:FailedForSeconds handles). The watch pages
/// once per flapping episode and never fails over on flapping: moving traffic off a primary that keeps coming back
/// trades a partial outage for a certain one, and a person should look first.
/// </summary>
internal static class FlapDetector
{
    /// <summary>The failed runs and failing streaks in <paramref name="recent"/> (newest first).</summary>
    public static (int Failed, int Streaks) Count(string recent)
    {
        var failed = 0;
        var streaks = 0;
        for (var i = 0; i < recent.Length; i++)
        {
            if (recent[i] == RunVerdict.Healthy)
            {
                continue;
            }

            failed++;
            if (i == 0 || recent[i - 1] == RunVerdict.Healthy)
            {
                streaks++;
            }
        }

        return (failed, streaks);
    }

    public static bool IsFlapping(WatchOptions watch, string recent)
    {
        var (failed, streaks) = Count(recent);
        return failed >= watch.FlapFailedRuns && streaks >= 2;
    }

    /// <summary>Whether the window holds no failed run: the episode is over and a new one may page again.</summary>
    public static bool IsQuiet(string recent) => recent.All(c => c == RunVerdict.Healthy);

    public static string Describe(WatchOptions watch, string recent)
    {
        var (failed, streaks) = Count(recent);
        return $"{failed} of the last {recent.Length} runs failed, in {streaks} separate streaks " +
            $"(Watch:FlapFailedRuns {watch.FlapFailedRuns} of Watch:FlapWindowRuns {watch.FlapWindowRuns})";
    }
}
