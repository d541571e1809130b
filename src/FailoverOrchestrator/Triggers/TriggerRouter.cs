using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Triggers;

/// <summary>Finds the app a trigger is for and decides whether it is actionable, before anything is read or written.</summary>
internal static class TriggerRouter
{
    /// <summary>Returns the app, or the Ignored or Rejected result that ends the invocation here.</summary>
    public static (AppOptions? App, FailoverResult? Early) Route(FailoverTrigger trigger, OrchestratorOptions options) =>
        trigger.IsAlarm ? RouteAlarm(trigger, options) : RouteCommand(trigger, options);

    private static (AppOptions?, FailoverResult?) RouteAlarm(FailoverTrigger trigger, OrchestratorOptions options)
    {
        var app = options.Apps.Values.FirstOrDefault(a => a.AlarmNames.Contains(trigger.AlarmName!, StringComparer.Ordinal));
        if (app is null)
        {
            return (null, FailoverResult.Ignored($"alarm '{trigger.AlarmName}' is not configured for any app"));
        }

        if (ForeignAlarm(trigger, app, options) is { } foreign)
        {
            return (null, FailoverResult.Ignored(foreign, app.Name));
        }

        return NotActionable(trigger) is { } inactive ? (app, FailoverResult.Ignored(inactive, app.Name)) : (app, null);
    }

    /// <summary>Why an alarm of the app's name is not the app's own (another account, region or partition); null when it is.</summary>
    private static string? ForeignAlarm(FailoverTrigger trigger, AppOptions app, OrchestratorOptions options)
    {
        if (trigger.AccountId != app.AccountId)
        {
            return $"alarm '{trigger.AlarmName}' comes from account {trigger.AccountId}, "
                + $"but app '{app.Name}' expects account {app.AccountId}";
        }

        if (trigger.AlarmRegion != app.AlarmRegion)
        {
            return $"alarm '{trigger.AlarmName}' is in region {trigger.AlarmRegion}, "
                + $"but app '{app.Name}' watches the alarm of that name in {app.AlarmRegion}";
        }

        var partition = AlarmArn.PartitionOf(options.Region ?? app.PrimaryRegion);
        return trigger.AlarmPartition != partition
            ? $"alarm '{trigger.AlarmName}' is in partition {trigger.AlarmPartition}; this orchestrator runs in {partition}"
            : null;
    }

    /// <summary>Why the app's alarm does not start a failover (suppressed actions, or not a move into ALARM); null when it does.</summary>
    private static string? NotActionable(FailoverTrigger trigger)
    {
        if (trigger.ActionsSuppressedBy is { } suppressedBy)
        {
            return $"composite alarm '{trigger.AlarmName}' went to {trigger.State} with its actions suppressed ({suppressedBy}): the alarm "
                + $"itself does not act, so neither does the failover";
        }

        return trigger.State != "ALARM"
            ? $"alarm '{trigger.AlarmName}' went to {trigger.State}; only a transition into ALARM starts a failover, and failback is "
                + $"never automatic"
            : null;
    }

    private static (AppOptions?, FailoverResult?) RouteCommand(FailoverTrigger trigger, OrchestratorOptions options)
    {
        if (!options.Apps.TryGetValue(trigger.App!, out var app))
        {
            var known = options.Apps.Count == 0 ? "none" : string.Join(", ", options.Apps.Keys.Order(StringComparer.Ordinal));
            return (null, FailoverResult.Rejected($"app '{trigger.App}' is not configured (configured apps: {known})"));
        }

        var changes =
            trigger.Command is TriggerCommand.Failover or TriggerCommand.Failback or TriggerCommand.Resume or TriggerCommand.Reset;
        if (changes && !trigger.DryRun && trigger.Confirm != app.Name)
        {
            var command = trigger.Command.ToString().ToLowerInvariant();
            var said = trigger.Confirm is null ? "no confirm was given" : $"confirm was '{trigger.Confirm}'";
            return (app,
                FailoverResult.Rejected(
                $"{command} changes production: repeat the app name as \"confirm\": \"{app.Name}\" ({said}); nothing was changed",
                app.Name));
        }

        if (trigger.Command == TriggerCommand.Reset && trigger.Region != app.PrimaryRegion && trigger.Region != app.StandbyRegion)
        {
            return (app,
                FailoverResult.Rejected(
                $"reset region '{trigger.Region}' is neither {app.PrimaryRegion} (primary) nor {app.StandbyRegion} (standby) of app "
                + $"'{app.Name}'", app.Name));
        }

        return (app, null);
    }
}
