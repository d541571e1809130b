using System.Globalization;
using FailoverOrchestrator.Redaction;
using FailoverOrchestrator.Triggers.Events;

namespace FailoverOrchestrator.Triggers;

/// <summary>
/// Checks an operator command's fields; whether the app exists and the confirmation matches is checked against
/// configuration later.
/// </summary>
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
        DateTimeOffset? scheduledTime = null;
        var problem = CommandProblem(c, out var command)
            ?? ScheduledTimeProblem(c, command, out scheduledTime)
            ?? OptionProblem(c, command);
        return problem is null ? TriggerParseResult.Success(Create(c, command, scheduledTime)) : TriggerParseResult.Reject(problem);
    }

    private static string? CommandProblem(OperatorCommand c, out TriggerCommand command)
    {
        command = default;
        if (string.IsNullOrWhiteSpace(c.Command))
        {
            return "command is empty: expected one of failover, failback, status, plan, resume, reset, watch, heartbeat";
        }

        if (!Commands.TryGetValue(c.Command, out command))
        {
            return $"unknown command '{c.Command}': expected one of failover, failback, status, plan, resume, reset, " +
                "watch, heartbeat (lower case)";
        }

        if (string.IsNullOrWhiteSpace(c.App))
        {
            return $"command '{c.Command}' needs an app: add \"app\": \"<name>\"";
        }

        if (c.Reason is { Length: > MaxReasonLength })
        {
            return $"reason is {c.Reason.Length} characters, more than the {MaxReasonLength} accepted";
        }

        if (c.Region is not null && command != TriggerCommand.Reset)
        {
            return $"region is only taken by reset; '{c.Command}' moves the app between its configured regions";
        }

        return command == TriggerCommand.Reset && string.IsNullOrWhiteSpace(c.Region)
            ? "reset needs the region that serves traffic now: add \"region\": \"<region>\""
            : null;
    }

    private static string? ScheduledTimeProblem(OperatorCommand c, TriggerCommand command, out DateTimeOffset? scheduledTime)
    {
        scheduledTime = null;
        if (c.ScheduledTime is null)
        {
            return null;
        }

        if (command != TriggerCommand.Watch)
        {
            return $"scheduledTime is only taken by watch (the schedule's <aws.scheduler.scheduled-time>), not by '{c.Command}'";
        }

        const string SchedulerForm = "yyyy-MM-dd'T'HH:mm:ss'Z'";
        var utc = DateTimeStyles.AssumeUniversal;
        if (!DateTimeOffset.TryParseExact(c.ScheduledTime, SchedulerForm, CultureInfo.InvariantCulture, utc, out var at))
        {
            return $"scheduledTime '{SafeText.Escape(c.ScheduledTime)}' is not a UTC time such as 2026-03-22T18:59:43Z (the form " +
                "EventBridge Scheduler fills in for <aws.scheduler.scheduled-time>)";
        }

        scheduledTime = at;
        return null;
    }

    private static string? OptionProblem(OperatorCommand c, TriggerCommand command)
    {
        if (c.AcceptDataLossSeconds is { } accepted)
        {
            if (command is not (TriggerCommand.Failover or TriggerCommand.Failback))
            {
                return $"acceptDataLossSeconds is only taken by failover and failback, not '{c.Command}'";
            }

            if (accepted is < 0 or > MaxAcceptedLossSeconds)
            {
                return $"acceptDataLossSeconds is {accepted}: give the seconds of writes you accept to lose, 0 to {MaxAcceptedLossSeconds}";
            }
        }

        return c.DryRun == true
            && command is TriggerCommand.Status or TriggerCommand.Reset or TriggerCommand.Watch or TriggerCommand.Heartbeat
            ? $"dryRun does not apply to '{c.Command}'"
            : null;
    }

    private static FailoverTrigger Create(OperatorCommand c, TriggerCommand command, DateTimeOffset? scheduledTime) => new()
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
    };
}
