using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Redaction;

namespace FailoverOrchestrator.Steps;

/// <summary>
/// Tells the on-call channel the switch is done, with the step timeline. Traffic has already moved when this runs,
/// so an SNS failure is reported as a warning rather than failing (and retrying) a completed switch.
/// </summary>
internal sealed class SnsNotifyStep(OnCallNotifier notifier) : IFailoverStep
{
    public string Name => StepNames.SnsNotify;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var calls = new List<string> { $"sns:Publish topic={context.App.TopicArn}" };
        var result = Summary(context);
        if (context.Lease.PageMessageId is { } sent)
        {
            // An earlier attempt of this execution paged and stopped before its checkpoint: one page per execution.
            return StepOutcome.Unchanged($"the on-call was paged by an earlier attempt of this execution (message {sent})", []);
        }

        await context.Lease.EnsureHeldAsync("sns:Publish", cancellationToken);
        string id;
        try
        {
            id = await notifier.PublishAsync(context.App, result, null, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            context.Warnings.Add($"notification failed: {SafeText.ForHumans(ex.Message)}");
            return new StepOutcome(StepStatus.Warned, $"notification failed: {SafeText.ForHumans(ex.Message)}", calls);
        }

        await context.Lease.RecordPageAsync(id, cancellationToken);
        return StepOutcome.Succeeded($"published message {id}: \"{NotificationComposer.Subject(result)}\"", calls);
    }

    public Task<StepOutcome> PlanAsync(StepContext context, CancellationToken cancellationToken) =>
        Task.FromResult(
            StepOutcome.Planned(
            $"publish \"{NotificationComposer.Subject(Summary(context))}\"", [$"sns:Publish topic={context.App.TopicArn}"]));

    private static FailoverResult Summary(StepContext context) => new()
    {
        Outcome = context.Direction == SwitchDirection.Failover ? Outcome.FailedOver : Outcome.FailedBack,
        App = context.App.Name,
        ExecutionId = context.ExecutionId,
        ActiveRegion = context.TargetRegion,
        TargetRegion = context.TargetRegion,
        Steps = context.Timeline.ToList(),
        Reason = context.ReasonWithWarnings,
        Rpo = context.Rpo,
    };
}
