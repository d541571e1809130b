using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Coordination;

/// <summary>How a trigger is named in the audit trail, the result and the page.</summary>
internal static class TriggerDescription
{
    public static string Of(FailoverTrigger trigger) => trigger.IsAlarm
        ? $"alarm {trigger.AlarmName} {trigger.PreviousState}->{trigger.State} at {trigger.StateChangedAt:u} via {trigger.Source}"
        : $"operator {trigger.Command.ToString().ToLowerInvariant()}: {trigger.Reason ?? "no reason given"}";
}
