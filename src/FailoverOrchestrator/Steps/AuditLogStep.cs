using System.Globalization;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Replication;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Steps;

/// <summary>Writes the execution's summary item: every step with its status and duration, in one immutable audit record.</summary>
internal sealed class AuditLogStep(IAuditLog audit, TimeProvider time) : IFailoverStep
{
    public string Name => StepNames.AuditLog;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var summary = string.Join(" | ",
            context.Timeline.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Name} {s.Status} {s.DurationMs}ms")));
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
            Detail = $"{context.Direction} {context.SourceRegion}->{context.TargetRegion}: {summary} | rpo {RpoText(context)}",
        }, cancellationToken);
        return StepOutcome.Succeeded("execution summary written", [$"dynamodb:PutItem table=audit pk={context.App.Name} kind=Summary"]);
    }

    /// <summary>The RPO in the summary: <c>boundSeconds=7 source=heartbeat measuredAt=... acceptedLossSeconds=...</c>.</summary>
    private static string RpoText(StepContext context) => context.Rpo is not { } rpo
        ? "not measured in this attempt"
        : string.Create(CultureInfo.InvariantCulture,
            $"boundSeconds={(rpo.BoundSeconds is { } b ? b.ToString("0.#", CultureInfo.InvariantCulture) : "unknown")} source={rpo.Source} "
            + $"measuredAt={rpo.MeasuredAt:O}{(rpo.AcceptedLossSeconds is { } a ? $" acceptedLossSeconds={a}" : string.Empty)}: "
            + $"{RpoSentence.Of(rpo)}");

    public Task<StepOutcome> PlanAsync(StepContext context, CancellationToken cancellationToken) =>
        Task.FromResult(
            StepOutcome.Planned("write the execution summary", [$"dynamodb:PutItem table=audit pk={context.App.Name} kind=Summary"]));
}
