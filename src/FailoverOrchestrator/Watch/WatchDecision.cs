using System.Globalization;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Triggers;
using FailoverOrchestrator.Watch.Dns;

namespace FailoverOrchestrator.Watch;

/// <summary>
/// One run's verdict: the record to write and what to do, from the probes, Route 53's DNS answer, the state item and the
/// clock alone. The primary has failed when every probe fails and Route 53 does not contradict it (it answers the
/// standby, or its answer could not be read: then the probes decide alone, and the reason says so). Probes that fail
/// while Route 53 still answers the primary point at the path from the function's region: one page, no switch.
/// </summary>
internal sealed record WatchDecision(WatchRecord Next, WatchAction Action, string Reason)
{
    private const int MaxDetail = 300;

    /// <summary>The trigger key of the failover a streak starts: every run of one streak names the same failover.</summary>
    public static string TriggerKey(string app, DateTimeOffset failingSince) =>
        $"watch#{app}#{failingSince.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}";

    public static WatchDecision Decide(AppOptions app, AppState state, IReadOnlyList<ProbeResult> probes, DateTimeOffset now) =>
        Decide(app, state, new WatchReading(probes, DnsVerdict.NotConfigured, "the function's region"), now);

    public static WatchDecision Decide(AppOptions app, AppState state, WatchReading reading, DateTimeOffset now)
    {
        var (probes, dns) = (reading.Probes, reading.Dns);
        var prior = state.Watch ?? WatchRecord.Empty;
        var healthy = probes.Any(p => p.Healthy);
        var verdict = healthy ? RunVerdict.Healthy : dns.Side == DnsAnswerSide.Primary ? RunVerdict.PathFailed : RunVerdict.Failed;
        var route53 = dns.Describe();
        var next = NextRecord(app, prior, verdict, HistoryLine(probes, route53, healthy, now), now);
        var steadyInPrimary = state.Phase == Phase.Steady && state.ActiveRegion == app.PrimaryRegion;
        if (next.FailingSince is not { } since)
        {
            return Flapping(app, next, steadyInPrimary, now)
                ?? new(next, WatchAction.Record,
                    $"the primary {app.PrimaryRegion} answers its health endpoints ({Summary(probes)}); {route53}");
        }

        var failedFor = now - since;
        var threshold = TimeSpan.FromSeconds(app.Watch.FailedForSeconds);
        var sinceText = since.ToString("u", CultureInfo.InvariantCulture);
        var seconds = failedFor.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
        var failing =
            $"the primary {app.PrimaryRegion} has failed every probe since {sinceText} ({seconds} s; {Summary(probes)}); {route53}";
        if (failedFor < threshold)
        {
            return Flapping(app, next, steadyInPrimary, now)
                ?? new(next, WatchAction.Record,
                    $"{failing}: not yet the {app.Watch.FailedForSeconds} s of Watch:FailedForSeconds, nothing done");
        }

        return ActOnOutage(app, state, reading.From, verdict, next, since, failing);
    }

    // The outage has lasted Watch:FailedForSeconds: page about the path, page or fail over once per streak, or record only.
    private static WatchDecision ActOnOutage(
        AppOptions app, AppState state, string from, char verdict, WatchRecord next, DateTimeOffset since, string failing)
    {
        var prior = state.Watch ?? WatchRecord.Empty;
        var steadyInPrimary = state.Phase == Phase.Steady && state.ActiveRegion == app.PrimaryRegion;
        var key = TriggerKey(app.Name, since);
        var resuming = state.Phase == Phase.FailingOver && state.LastTriggerKey == key;
        if (!resuming && !steadyInPrimary)
        {
            return new(next, WatchAction.Record,
                $"{failing}, but the app is {state.Phase} in {state.ActiveRegion}, not Steady in the primary: nothing for the watch to do");
        }

        if (verdict == RunVerdict.PathFailed && !resuming)
        {
            var path = $"probes from {from} fail but Route 53's health checkers see the primary healthy: " +
                $"check the network path from {from}. {Capitalized(failing)}. Nothing was switched, whatever WatchPolicy says";
            return prior.PathPagedFor == since
                ? new(next, WatchAction.Record,
                    $"{failing}; the watch already paged about its network path for this streak, nothing more done")
                : new(next with { PathPagedFor = since }, WatchAction.PagePath, path);
        }

        if (prior.ActedFor == since && !resuming)
        {
            return new(next, WatchAction.Record,
                $"{failing}; the watch already acted on this outage ({app.Watch.Policy}), nothing more done");
        }

        var act = app.Watch.Policy == WatchPolicy.Failover ? WatchAction.Failover : WatchAction.Page;
        return new(next with { ActedFor = since }, act, failing);
    }

    private static string HistoryLine(IReadOnlyList<ProbeResult> probes, string route53, bool healthy, DateTimeOffset now)
    {
        var line = $"{now.ToString("u", CultureInfo.InvariantCulture)} {(healthy ? "healthy" : "failed")} {Summary(probes)}; {route53}";
        return line.Length > MaxDetail ? line[..(MaxDetail - 3)] + "..." : line;
    }

    private static WatchRecord NextRecord(AppOptions app, WatchRecord prior, char verdict, string line, DateTimeOffset now)
    {
        var healthy = verdict == RunVerdict.Healthy;
        var recent = (verdict + prior.Recent)[..Math.Min(prior.Recent.Length + 1, app.Watch.FlapWindowRuns)];
        return new WatchRecord
        {
            History = new[] { line }.Concat(prior.History).Take(app.Watch.HistorySize).ToList(),
            FailingSince = healthy ? null : prior.FailingSince ?? now,
            ActedFor = healthy ? null : prior.ActedFor,
            PathPagedFor = healthy ? null : prior.PathPagedFor,
            FlapPagedAt = FlapDetector.IsQuiet(recent) ? null : prior.FlapPagedAt,
            Recent = recent,
            LastRunAt = now,
            Runs = prior.Runs + 1,
        };
    }

    private static WatchDecision? Flapping(AppOptions app, WatchRecord next, bool steadyInPrimary, DateTimeOffset now)
    {
        if (!steadyInPrimary || next.FlapPagedAt is not null || !FlapDetector.IsFlapping(app.Watch, next.Recent))
        {
            return null;
        }

        var reason = $"the primary {app.PrimaryRegion} is flapping: {FlapDetector.Describe(app.Watch, next.Recent)}. " +
            "The watch never fails over on a flapping primary, whatever WatchPolicy says; look at the primary, " +
            $"and fail over by hand if it should not serve: {OperatorCommands.Failover(app.Name)}";
        return new(next with { FlapPagedAt = now }, WatchAction.PageFlapping, reason);
    }

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Summary(IReadOnlyList<ProbeResult> probes) =>
        string.Join("; ", probes.Select(p => $"{p.Endpoint} {p.Detail}"));
}
