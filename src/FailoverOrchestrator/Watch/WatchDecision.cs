using System.Globalization;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Watch;

/// <summary>One run's verdict: the record to write and what to do, from the probes, the state item and the clock alone.</summary>
internal sealed record WatchDecision(WatchRecord Next, WatchAction Action, string Reason)
{
    private const int MaxDetail = 200;

    /// <summary>The trigger key of the failover a streak starts: every run of one streak names the same failover.</summary>
    public static string TriggerKey(string app, DateTimeOffset failingSince) =>
        $"watch#{app}#{failingSince.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";

    public static WatchDecision Decide(AppOptions app, AppState state, IReadOnlyList<ProbeResult> probes, DateTimeOffset now)
    {
        var prior = state.Watch ?? WatchRecord.Empty;
        var healthy = probes.Any(p => p.Healthy);
        var line = $"{now.ToString("u", CultureInfo.InvariantCulture)} {(healthy ? "healthy" : "failed")} {Summary(probes)}";
        if (line.Length > MaxDetail)
        {
            line = line[..(MaxDetail - 3)] + "...";
        }

        var history = new[] { line }.Concat(prior.History).Take(app.Watch.HistorySize).ToList();
        var failingSince = healthy ? (DateTimeOffset?)null : prior.FailingSince ?? now;
        var next = new WatchRecord { History = history, FailingSince = failingSince, ActedFor = healthy ? null : prior.ActedFor,
            LastRunAt = now, Runs = prior.Runs + 1 };
        if (failingSince is not { } since)
        {
            return new(next, WatchAction.Record, $"the primary {app.PrimaryRegion} answers its health endpoints ({Summary(probes)})");
        }

        var failedFor = now - since;
        var threshold = TimeSpan.FromSeconds(app.Watch.FailedForSeconds);
        var failing = $"the primary {app.PrimaryRegion} has failed every probe since {since.ToString("u", CultureInfo.InvariantCulture)} "
            + $"({failedFor.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s; {Summary(probes)})";
        if (failedFor < threshold)
        {
            return new(next, WatchAction.Record,
                $"{failing}: not yet the {app.Watch.FailedForSeconds} s of Watch:FailedForSeconds, nothing done");
        }

        var key = TriggerKey(app.Name, since);
        var resuming = state.Phase == Phase.FailingOver && state.LastTriggerKey == key;
        if (!resuming && (state.Phase != Phase.Steady || state.ActiveRegion != app.PrimaryRegion))
        {
            return new(next, WatchAction.Record,
                $"{failing}, but the app is {state.Phase} in {state.ActiveRegion}, not Steady in the primary: nothing for the watch to do");
        }

        if (prior.ActedFor == since && !resuming)
        {
            return new(next, WatchAction.Record,
                $"{failing}; the watch already acted on this outage ({app.Watch.Policy}), nothing more done");
        }

        var act = app.Watch.Policy == WatchPolicy.Failover ? WatchAction.Failover : WatchAction.Page;
        return new(next with { ActedFor = since }, act, failing);
    }

    private static string Summary(IReadOnlyList<ProbeResult> probes) =>
        string.Join("; ", probes.Select(p => $"{p.Endpoint} {p.Detail}"));
}
