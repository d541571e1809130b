using FailoverOrchestrator.LocalCloud.World;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>The on-call's commands once the primary is back: plan to rehearse the failback, then the failback itself.</summary>
internal static class FailbackCommands
{
    public static Task<DrillInvocation> PlanAsync(DrillSession s) =>
        s.InvokeAsync("operator plan", AlarmPayloads.Command("plan", s.App, "rehearse the failback"));

    public static Task<DrillInvocation> FailBackAsync(
        DrillSession s, string label = "operator failback", string reason = "primary recovered") =>
        s.InvokeAsync(label, AlarmPayloads.Command("failback", s.App, reason));
}
