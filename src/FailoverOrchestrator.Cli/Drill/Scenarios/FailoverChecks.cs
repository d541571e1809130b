using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>The end states scenarios share: a completed failover to the standby, or a switch that moved nothing.</summary>
internal static class FailoverChecks
{
    /// <summary>The record points at the standby, and the standby took over (<see cref="StandbyTookOverAsync"/>).</summary>
    public static async Task<List<DrillCheck>> FailedOverAsync(DrillSession s, string? executionId, int notifications = 1)
    {
        var checks = new List<DrillCheck> { EndStateChecks.RecordPointsAt(s, s.App.StandbyRegion) };
        checks.AddRange(await StandbyTookOverAsync(s, executionId, notifications));
        return checks;
    }

    /// <summary>
    /// Whatever moved the traffic (a record change or routing controls): the standby runs at its active counts, is the
    /// writer and the state's active region, the page says FAILED OVER and the audit holds every step of the execution.
    /// </summary>
    public static async Task<List<DrillCheck>> StandbyTookOverAsync(DrillSession s, string? executionId, int notifications = 1)
    {
        var app = s.App;
        var checks = EndStateChecks.ServicesAt(s, app.StandbyRegion, active: true).ToList();
        checks.Add(await EndStateChecks.WriterIsAsync(s, app.StandbyRegion));
        checks.Add(await EndStateChecks.StateIsAsync(s, Phase.Steady, app.StandbyRegion));
        checks.Add(EndStateChecks.Notifications(s, notifications, "[failover] FAILED OVER"));
        checks.Add(await EndStateChecks.AuditCompleteAsync(s, executionId, StepNames.DefaultOrder));
        return checks;
    }

    /// <summary>A switch that stopped before any change: the standby at its standby counts, no writer item, the primary active.</summary>
    public static async Task<List<DrillCheck>> NothingMovedAsync(DrillSession s)
    {
        var app = s.App;
        var checks = EndStateChecks.ServicesAt(s, app.StandbyRegion, active: false).ToList();
        checks.Add(await EndStateChecks.WriterIsAsync(s, null));
        checks.Add(await EndStateChecks.StateIsAsync(s, Phase.Steady, app.PrimaryRegion));
        return checks;
    }

    /// <summary>The failover a failback scenario starts from went through.</summary>
    public static DrillCheck FailedOverFirst(DrillInvocation failover) =>
        new("failover first", failover.Result?.Outcome == Outcome.FailedOver, failover.Summary);
}
