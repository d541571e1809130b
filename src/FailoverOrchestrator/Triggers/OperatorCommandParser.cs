using System.Globalization;
using FailoverOrchestrator.Redaction;
using FailoverOrchestrator.Triggers.Events;

namespace FailoverOrchestrator.Triggers;

/// <summary>Checks an operator command's fields; whether the app exists and the confirmation matches is checked against configuration
/// later.</summary>
internal static class OperatorCommandParser
{
    public const int MaxReasonLength = 500;

    /// <summary>A day: an accepted loss beyond it is a typo, not a decision.</summary>
    public const int MaxAcceptedLossSeconds = 86_400;

    private static readonly Dictionary<string, TriggerCommand> Commands = new(StringComparer.Ordinal)
    {
        ["failover"] = TriggerCommand.Failover,
        ["failback"] = TriggerCommand.Failback,
        ["status"] = TriggerCommand.Status,
        ["plan"] = TriggerCommand.Plan,
        ["resume"] = TriggerCommand.Resume,
        ["reset"] = TriggerCommand.Reset,
        ["watch"] = TriggerCommand.Watch,
        ["heartbeat"] = TriggerCommand.Heartbeat,
    };

    public static TriggerParseResult Parse(OperatorCommand c)
    {
        if (string.IsNullOrWhiteSpace(c.Command))
        {
            return TriggerParseResult.Reject(
                "command is empty: expected one of failover, failback, status, plan, resume, reset, watch, heartbeat");
        }

        if (!Commands.TryGetValue(c.Command, out var command))
        {
            return TriggerParseResult.Reject(
                $"unknown command '{c.Command}': expected one of failover, failback, status, plan, resume, reset, watch, heartbeat (lower "
                + $"case)");
        }

        if (string.IsNullOrWhiteSpace(c.App))
        {
            return TriggerParseResult.Reject($"command '{c.Command}' needs an app: add \"app\": \"<name>\"");
        }

        if (c.Reason is { Length: > MaxReasonLength })
        {
            return TriggerParseResult.Reject($"reason is {c.Reason.Length} characters, more than the {MaxReasonLength} accepted");
        }

        if (c.Region is not null && command != TriggerCommand.Reset)
        {
            return TriggerParseResult.Reject($"region is only taken by reset; '{c.Command}' moves the app between its configured regions");
        }

        if (command == TriggerCommand.Reset && string.IsNullOrWhiteSpace(c.Region))
        {
            return TriggerParseResult.Reject("reset needs the region that serves traffic now: add \"region\": \"<region>\"");
        }

        DateTimeOffset? scheduledTime = null;
        if (c.ScheduledTime is not null)
        {
            if (command != TriggerCommand.Watch)
            {
                return TriggerParseResult.Reject(
                    $"scheduledTime is only taken by watch (the schedule's <aws.scheduler.scheduled-time>), not by '{c.Command}'");
            }

            if (!DateTimeOffset.TryParseExact(c.ScheduledTime, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var at))
            {
                return TriggerParseResult.Reject(
                    $"scheduledTime '{SafeText.Escape(c.ScheduledTime)}' is not a UTC time such as 2026-03-22T18:59:43Z (the form "
                    + $"EventBridge Scheduler fills in for <aws.scheduler.scheduled-time>)");
            }

            scheduledTime = at;
        }

        if (c.AcceptDataLossSeconds is { } accepted)
        {
            if (command is not (TriggerCommand.Failover or TriggerCommand.Failback))
            {
                return TriggerParseResult.Reject($"acceptDataLossSeconds is only taken by failover and failback, not '{c.Command}'");
            }

            if (accepted is < 0 or > MaxAcceptedLossSeconds)
            {
                return TriggerParseResult.Reject(
                    $"acceptDataLossSeconds is {accepted}: give the seconds of writes you accept to lose, 0 to {MaxAcceptedLossSeconds}");
            }
        }

        if (c.DryRun == true
            && command is TriggerCommand.Status or TriggerCommand.Reset or TriggerCommand.Watch or TriggerCommand.Heartbeat)
        {
            return TriggerParseResult.Reject($"dryRun does not apply to '{c.Command}'");
        }

        return TriggerParseResult.Success(new FailoverTrigger
        {
            Source = TriggerSource.Operator,
            Command = command,
            App = c.App,
            DryRun = c.DryRun ?? false,
            // Escaped once here, so that no newline, escape or bidirectional control can forge a line in the page,
            // the audit trail or the logs that carry it.
            Reason = c.Reason is null ? null : SafeText.Escape(c.Reason),
            Confirm = c.Confirm,
            Region = c.Region,
            StateChangedAt = scheduledTime,
            AcceptDataLossSeconds = c.AcceptDataLossSeconds,
            IdempotencyKey = $"operator#{c.Command}#{Guid.NewGuid():N}",
        });
    }
}
