using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Pipeline;

namespace FailoverOrchestrator.Steps;

/// <summary>
/// Writes <c>{writerRegion, epoch}</c> to the control item, in the target region's replica (the source region may be
/// down). The application refuses writes until its own region is the writer. The write is conditioned on the epoch so
/// a stale orchestrator cannot move the writer back.
/// </summary>
internal sealed class PromoteWriterStep(IWriterControl writer) : IFailoverStep
{
    public string Name => StepNames.PromoteWriter;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var control = context.App.WriterControl;
        var calls = new List<string> { Describe(context) };
        await context.Lease.EnsureHeldAsync("dynamodb:PutItem of the writer-control item", cancellationToken);
        var promoted = await writer.PromoteAsync(context.TargetRegion, control.TableName, control.Key, context.TargetRegion, context.Epoch,
            context.ExecutionId, cancellationToken);
        if (promoted)
        {
            return StepOutcome.Succeeded($"{context.TargetRegion} is the writer at epoch {context.Epoch}", calls);
        }

        calls.Add($"dynamodb:GetItem region={context.TargetRegion} table={control.TableName} pk={control.Key}");
        var current = await writer.ReadAsync(context.TargetRegion, control.TableName, control.Key, cancellationToken);
        if (current is not null && current.ExecutionId == context.ExecutionId && current.WriterRegion == context.TargetRegion)
        {
            // An earlier attempt of this execution promoted the target (it stopped before its checkpoint): one switch, one writer change.
            return StepOutcome.Unchanged(
                $"{context.TargetRegion} is already the writer at epoch {current.Epoch}, written by an earlier attempt of this execution",
                calls);
        }

        throw new StepFailedException(Name,
            $"the writer-control item holds a newer epoch ({current?.Epoch}, writer {current?.WriterRegion}) than this execution's "
            + $"{context.Epoch}; another execution moved the writer");
    }

    public Task<StepOutcome> PlanAsync(StepContext context, CancellationToken cancellationToken) =>
        Task.FromResult(StepOutcome.Planned($"promote {context.TargetRegion} to writer", [Describe(context)]));

    private static string Describe(StepContext context) =>
        $"dynamodb:PutItem region={context.TargetRegion} table={context.App.WriterControl.TableName} pk={context.App.WriterControl.Key} " +
        $"writerRegion={context.TargetRegion} epoch={context.Epoch} if epoch <= {context.Epoch}";
}
