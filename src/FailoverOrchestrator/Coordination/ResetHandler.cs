using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Coordination.Execution;
using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Triggers;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Coordination;

/// <summary>Answers <c>reset</c>: a Failed app (or an abandoned execution) back to Steady in the region the operator names, audited and
/// notified.</summary>
internal sealed class ResetHandler(IStateStore store, IAuditLog auditLog, IWriterControl writer, StatusReporter status,
    OnCallNotifier notifier, TimeProvider time, ILogger<ResetHandler> logger)
{
    public async Task<FailoverResult> ResetAsync(FailoverTrigger trigger, AppOptions app, CancellationToken cancellationToken)
    {
        var before = await store.GetAsync(app.Name, cancellationToken);
        var region = trigger.Region!;
        var now = time.GetUtcNow();
        if (!await store.ResetAsync(app.Name, region, now, cancellationToken))
        {
            var phase = before?.Phase ?? Phase.Steady;
            return FailoverResult.Rejected(
                $"app '{app.Name}' is {phase} in {before?.ActiveRegion ?? app.PrimaryRegion}"
                    + (
                    phase is Phase.FailingOver or Phase.FailingBack
                    ? $" and execution {before?.ExecutionId} holds a live lease" : string.Empty) +
                "; reset only applies to a Failed app or an execution whose lease has expired. Nothing was changed", app.Name);
        }

        var detail = $"reset by operator from {before?.Phase} (execution {before?.ExecutionId}, {before?.LastError ?? "no error"}) to "
            + $"Steady in {region}: {trigger.Reason ?? "no reason given"}"
            + await WriterMismatchAsync(app, region, cancellationToken);
        var audit = new ExecutionAudit(auditLog, app.Name, before?.ExecutionId ?? "reset", (before?.Epoch ?? 0) + 1, time, logger);
        await audit.AppendAsync("Reset", detail, cancellationToken);
        var result = await status.ReportAsync(app, detail, cancellationToken);
        await notifier.TryPublishAsync(app, Page.Of(PageEvent.Reset, result with { TargetRegion = region }),
            $"check {OperatorCommands.Status(app.Name)} and that the app serves from {region}", cancellationToken);
        return result;
    }

    /// <summary>
    /// Reset moves no resource: a failed execution may already have promoted the other region to writer, and then the
    /// application in the reset region refuses writes. Said in the reset's own words so on-call sees it at once.
    /// </summary>
    private async Task<string> WriterMismatchAsync(AppOptions app, string region, CancellationToken cancellationToken)
    {
        var control = app.WriterControl;
        try
        {
            var current = await writer.ReadAsync(region, control.TableName, control.Key, cancellationToken);
            return current is null || current.WriterRegion == region
                ? string.Empty
                : $". WARNING: the writer-control item {control.TableName}/{control.Key} still names {current.WriterRegion} (epoch "
                    + $"{current.Epoch}), so the application in {region} refuses writes until it names {region}";
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return $". WARNING: the writer-control item {control.TableName}/{control.Key} could not be read in {region} "
                + $"({(ex as AwsServiceException)?.ErrorCode ?? ex.GetType().Name}); check that it names {region}";
        }
    }
}
