using System.Globalization;
using System.Text;
using FailoverOrchestrator.Aws.Sns;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Redaction;
using FailoverOrchestrator.Replication;
using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Notifications;

/// <summary>Writes the on-call message: a short subject (SNS takes at most 100 printable ASCII characters) and a body to act on.</summary>
internal static class NotificationComposer
{
    public const int MaxSubjectLength = SnsSubject.MaxLength;

    /// <summary>The subject of an outcome's page.</summary>
    public static string Subject(FailoverResult result) => Subject(Page.Of(result));

    /// <summary>The subject: the headline (an outcome, or an event such as FAILED or RETRYING), the app and the route.</summary>
    public static string Subject(Page page)
    {
        var route = page.TargetRegion is null ? string.Empty : $" -> {page.TargetRegion}";
        var subject = page.Outcome switch
        {
            Outcome.FailedOver => $"FAILED OVER {page.App} to {page.TargetRegion}",
            Outcome.FailedBack => $"FAILED BACK {page.App} to {page.TargetRegion}",
            _ => $"{page.Headline} {page.App}{route}",
        };
        return SnsSubject.Fit("[failover] " + subject);
    }

    /// <summary>The body of an outcome's page.</summary>
    public static string Body(FailoverResult result, string? next) => Body(Page.Of(result), next);

    public static string Body(Page page, string? next)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"Outcome: {page.Headline}\n");
        text.Append(CultureInfo.InvariantCulture, $"App: {page.App}\n");
        text.Append(CultureInfo.InvariantCulture, $"Active region now: {page.ActiveRegion ?? "unknown"}\n");
        if (page.TargetRegion is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Target region: {page.TargetRegion}\n");
        }

        if (page.ExecutionId is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Execution: {page.ExecutionId}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"What happened: {SafeText.ForHumans(page.Reason)}\n");
        if (page.Rpo is { } rpo)
        {
            text.Append(CultureInfo.InvariantCulture, $"Data at risk: {SafeText.ForHumans(RpoSentence.Of(rpo))}\n");
        }

        AppendSteps(text, page.Steps);
        if (next is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nNext: {SafeText.ForHumans(next)}\n");
        }

        return text.ToString();
    }

    /// <summary>The steps as a table, one line each; nothing when no step ran.</summary>
    private static void AppendSteps(StringBuilder text, IReadOnlyList<StepResult> steps)
    {
        if (steps.Count == 0)
        {
            return;
        }

        text.Append("\nSteps:\n");
        foreach (var step in steps)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  {step.Name,-14} {step.Status,-16} {step.DurationMs,7} ms  {SafeText.ForHumans(step.Detail)}\n");
        }
    }

    /// <summary>The next command an operator would run after this outcome.</summary>
    public static string? NextCommand(Page page)
    {
        var app = page.App ?? string.Empty;
        return page.Outcome switch
        {
            Outcome.FailedOver =>
                $"confirm the app serves from {page.TargetRegion}; when the primary is healthy again, rehearse with "
                + $"{OperatorCommands.Plan(app)} and fail back with {OperatorCommands.Failback(app)}",
            Outcome.FailedBack => $"confirm the app serves from {page.TargetRegion}; check {OperatorCommands.Status(app)}",
            Outcome.Blocked =>
                $"fix what preflight reported, check with {OperatorCommands.Plan(app)}, "
                + $"then run {OperatorCommands.Failover(app)} (or failback)",
            Outcome.Suppressed =>
                "a switch happened recently; if a switch is really needed now, "
                + $"run it by hand with confirm: {OperatorCommands.Status(app)} first",
            _ => $"check {OperatorCommands.Status(app)}",
        };
    }
}
