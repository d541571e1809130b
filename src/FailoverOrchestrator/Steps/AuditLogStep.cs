using System.Globalization;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Steps;

/// <summary>Writes the execution's summary item: every step with its status and duration, in one immutable audit record.</summary>
internal sealed class AuditLogStep(IAuditLog audit, TimeProvider time) : IFailoverStep
{
    public string Name => StepNames.AuditLog;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var summary = string.Join(" | ", context.Timeline.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Status} {s.DurationMs}ms")));
        await audit.AppendAsync(new AuditEvent
        {
            App = context.App.Name,
            ExecutionId = context.ExecutionId,
            Epoch = context.Epoch,
            // A fixed sequence keeps the summary last among its attempt's events; an attempt that takes over and reruns
            // this step writes its own summary, under its own epoch, so each attempt's account stays whole.
            Sequence = 9999,
            Timestamp = time.GetUtcNow(),
            Kind = "Summary",
            Step = Name,
            Detail = $"{context.Direction} {context.SourceRegion}->{context.TargetRegion}: {summary}",
        }, cancellationToken);
        return StepOutcome.Succeeded("execution summary written", [$"dynamodb:PutItem table=audit pk={context.App.Name} kind=Summary"]);
    }

    public Task<StepOutcome> PlanAsync(StepContext context, CancellationToken cancellationToken) =>
        Task.FromResult(StepOutcome.Planned("write the execution summary", [$"dynamodb:PutItem table=audit pk={context.App.Name} kind=Summary"]));
}
