using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>The end state of a completed failover to the standby.</summary>
internal static class FailoverChecks
{
    public static async Task<List<DrillCheck>> FailedOverAsync(DrillSession s, string? executionId, int notifications = 1)
    {
        var app = s.App;
        var checks = new List<DrillCheck> { EndStateChecks.RecordPointsAt(s, app.StandbyRegion) };
        checks.AddRange(EndStateChecks.ServicesAt(s, app.StandbyRegion, active: true));
        checks.Add(await EndStateChecks.WriterIsAsync(s, app.StandbyRegion));
        checks.Add(await EndStateChecks.StateIsAsync(s, Phase.Steady, app.StandbyRegion));
        checks.Add(EndStateChecks.Notifications(s, notifications, "[failover] FAILED OVER"));
        checks.Add(await EndStateChecks.AuditCompleteAsync(s, executionId, StepNames.DefaultOrder));
        return checks;
    }
}
