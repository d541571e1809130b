using FailoverOrchestrator.State;
using FailoverOrchestrator.Telemetry;
using Microsoft.Extensions.Logging;
using FailoverOrchestrator.Redaction;

namespace FailoverOrchestrator.Coordination.Execution;

/// <summary>
/// Appends the audit events of one invocation. The key carries the execution, the epoch and a per-invocation
/// sequence, so a retried write lands on the same key and is not duplicated.
/// </summary>
internal sealed class ExecutionAudit(IAuditLog log, string app, string executionId, long epoch, TimeProvider time, ILogger logger)
{
    private int _sequence;

    public string ExecutionId => executionId;

    public long Epoch => epoch;

    /// <summary>Appends one event. Audit is best-effort against the outcome: a failed write is logged, not thrown over the
    /// failover.</summary>
    public async Task AppendAsync(string kind, string? detail, CancellationToken cancellationToken, string? step = null,
        long? durationMs = null)
    {
        var auditEvent = new AuditEvent
        {
            App = app,
            ExecutionId = executionId,
            Epoch = epoch,
            Sequence = Interlocked.Increment(ref _sequence),
            Timestamp = time.GetUtcNow(),
            Kind = kind,
            Step = step,
            Detail = detail is null ? null : SafeText.ForHumans(detail),
            DurationMs = durationMs,
        };
        try
        {
            await log.AppendAsync(auditEvent, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.AuditFailed(logger, app, kind, ex);
        }
    }
}
