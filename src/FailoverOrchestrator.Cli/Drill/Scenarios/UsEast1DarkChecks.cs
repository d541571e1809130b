using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>
/// The end states of <see cref="UsEast1DarkScenario"/>: switched by the watch on the ARC data plane with nothing answered
/// in the dark region, or Blocked by preflight naming the Route 53 API and the manual step, with nothing changed.
/// </summary>
internal static class UsEast1DarkChecks
{
    private const string DarkRegion = UsEast1DarkScenario.DarkRegion;

    public static async Task<List<DrillCheck>> SwitchedByWatchAsync(DrillSession s, DrillInvocation command)
    {
        var app = s.App;
        var checks = new List<DrillCheck>
        {
            RoutingControlChecks.ServesFrom(s, app.StandbyRegion),
            await DnsDataPlaneChecks.AnswersWithAsync(
                s, app.Dns.RecordName, app.StandbyRegion, "its routing controls, while the Route 53 API refuses connections"),
            await ActedOnRoute53AnswerAsync(s),
            RoutingControlChecks.OneTransaction(s),
            RoutingControlChecks.AnsweredByLiveEndpoint(s, [DarkRegion]),
            NoSuccessIn(s),
        };
        checks.AddRange(await FailoverChecks.StandbyTookOverAsync(s, command.Result?.ExecutionId));
        checks.Add(ActedAfterTheStreak(s, command));
        return checks;
    }

    public static async Task<List<DrillCheck>> BlockedAsync(DrillSession s, DrillInvocation command)
    {
        var app = s.App;
        var reason = command.Result?.Reason ?? command.Error ?? string.Empty;
        var page = s.World.Cloud.Sns.GetMessages(app.TopicArn) is [var first, ..] ? first.Message : string.Empty;
        var ran = (command.Result?.Steps ?? []).Where(st => st.Status != StepStatus.NotRun).ToList();
        var checks = new List<DrillCheck>
        {
            new("the Blocked names the dead dependency and the manual step",
                reason.Contains("Route 53 API (route53.amazonaws.com", StringComparison.Ordinal)
                    && reason.Contains("Manual step", StringComparison.Ordinal),
                reason),
            new("the page says the same: the Route 53 API, nothing changed, the manual step, preflight the only step",
                page.Contains("Route 53 API (route53.amazonaws.com", StringComparison.Ordinal)
                    && page.Contains("nothing was scaled, promoted or changed", StringComparison.Ordinal)
                    && page.Contains("Manual step", StringComparison.Ordinal)
                    && ran.Select(st => st.Name).SequenceEqual([StepNames.Preflight]),
                string.Join(", ", ran.Select(st => $"{st.Name} {st.Status}"))),
            await BlockedAuditedAsync(s, command),
            EndStateChecks.RecordPointsAt(s, app.PrimaryRegion),
            EndStateChecks.NotCalled(s, LocalService.Ecs, "UpdateService"),
        };
        checks.AddRange(await FailoverChecks.NothingMovedAsync(s));
        checks.Add(EndStateChecks.Notifications(s, 1, "[failover] Blocked"));
        return checks;
    }

    /// <summary>The watch acted on the run after Watch:FailedForSeconds of failed probes, not on an earlier one.</summary>
    private static DrillCheck ActedAfterTheStreak(DrillSession s, DrillInvocation command) =>
        new(
            $"the watch acted once the primary had failed for {s.App.Watch.FailedForSeconds} s, not before",
            command.At >= TimeSpan.FromSeconds(s.App.Watch.FailedForSeconds)
                && s.Invocations.Count(
                i => i.Label.StartsWith("scheduled watch", StringComparison.Ordinal)) == (s.App.Watch.FailedForSeconds / 60) + 1,
            $"acted at {command.At.TotalSeconds:0} s, on run {s.Invocations.Count}");

    /// <summary>The run that acted had Route 53's DNS answer (the standby) beside its failed probes, read with the API dark.</summary>
    private static async Task<DrillCheck> ActedOnRoute53AnswerAsync(DrillSession s)
    {
        var acted = (await EndStateChecks.AuditAsync(s)).LastOrDefault(e => e.Kind == "WatchFailover");
        const string Confirmed = "Route 53 answers the standby: its health checkers see the primary unhealthy";
        var ok = acted?.Detail?.Contains(Confirmed, StringComparison.Ordinal) == true;
        return new DrillCheck(
            "the watch acted on failed probes confirmed by Route 53's DNS answer (the standby)",
            ok,
            acted?.Detail ?? "no WatchFailover decision audited");
    }

    /// <summary>The execution's audit holds the Blocked with preflight's reason, and no step after preflight.</summary>
    private static async Task<DrillCheck> BlockedAuditedAsync(DrillSession s, DrillInvocation command)
    {
        var id = command.Result?.ExecutionId;
        var events = (await EndStateChecks.AuditAsync(s)).Where(e => e.ExecutionId == id).ToList();
        var blocked = events.Any(e => e.Kind == "Blocked" && e.Detail?.Contains("route53.amazonaws.com", StringComparison.Ordinal) == true);
        var later = events.Where(e => e.Step is not null && e.Step != StepNames.Preflight).Select(e => $"{e.Kind} {e.Step}").ToList();
        return new DrillCheck(
            "the audit holds the Blocked naming the Route 53 API, and no step after preflight",
            id is not null && blocked && later.Count == 0,
            $"{events.Count} events of {id}: {string.Join(", ", events.Select(e => e.Step is null ? e.Kind : $"{e.Kind} {e.Step}"))}");
    }

    /// <summary>Nothing the switch needed came from the dark region: every call signed for it went unanswered.</summary>
    private static DrillCheck NoSuccessIn(DrillSession s)
    {
        var answered = s.World.Cloud.Calls.Snapshot().Where(c => c.Region == DarkRegion && c.StatusCode is > 0 and < 400).ToList();
        return new DrillCheck($"no call to {DarkRegion} was answered", answered.Count == 0, answered.Count == 0
            ? "none" : string.Join(", ", answered.Select(c => $"{c.Service} {c.Operation}")));
    }
}
