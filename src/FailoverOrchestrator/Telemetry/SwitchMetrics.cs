using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Telemetry;

/// <summary>
/// Turns the end of one switch invocation (its result, or the error it throws) into an Embedded Metric Format line on
/// the log stream. Invocations that never reach a switch (rejected input, ignored alarms, status, plans, watch runs that only record) emit
/// nothing.
/// </summary>
internal sealed class SwitchMetrics(TextWriter output, TimeProvider time)
{
    /// <summary>Writes nothing; for hosts that are not measured.</summary>
    public static SwitchMetrics None { get; } = new(TextWriter.Null, TimeProvider.System);

    public void Record(FailoverResult result, AppOptions app, TriggerCommand command, InvocationMeter meter, TimeSpan elapsed)
    {
        if (result.Outcome is Outcome.Planned or Outcome.Status or Outcome.Ignored or Outcome.Rejected or Outcome.Watched)
        {
            return;
        }

        var started = result.Outcome is Outcome.FailedOver or Outcome.FailedBack
            || result.Steps.Any(s => s.StartedAt is not null
                && s.Status is not (StepStatus.Planned or StepStatus.NotRun or StepStatus.SkippedCompleted));
        Write(Sample(app, Direction(app, result.TargetRegion, command), result.Outcome.ToString(), result.ExecutionId, meter, elapsed) with
        {
            Started = started,
            Completed = result.Outcome is Outcome.FailedOver or Outcome.FailedBack,
            Blocked = result.Outcome == Outcome.Blocked,
            Suppressed = result.Outcome == Outcome.Suppressed,
            Duplicate = result.Outcome is Outcome.AlreadyInTargetState or Outcome.InProgressElsewhere,
            Steps = result.Steps,
            ReplicationLagBound = result.Rpo?.BoundSeconds is { } bound ? TimeSpan.FromSeconds(bound) : null,
        });
    }

    /// <summary>
    /// A switch that threw. <paramref name="targetRegion"/> is where the failed execution was going, when it got that
    /// far: a resume carries no direction of its own, so without it a failed resume of a failback would count as a failover.
    /// </summary>
    public void RecordFailure(AppOptions app, TriggerCommand command, string? executionId, string? targetRegion, InvocationMeter meter,
        TimeSpan elapsed) =>
        Write(
            Sample(
            app, Direction(app, targetRegion, command), "Error", executionId, meter, elapsed) with { Started = true, Failed = true });

    private static string Direction(AppOptions app, string? targetRegion, TriggerCommand command) =>
        targetRegion == app.PrimaryRegion || (targetRegion is null && command == TriggerCommand.Failback) ? "Failback" : "Failover";

    private SwitchMetricsSample Sample(AppOptions app, string direction, string outcome, string? executionId, InvocationMeter meter,
        TimeSpan elapsed) => new()
    {
        App = app.Name,
        Direction = direction,
        Outcome = outcome,
        ExecutionId = executionId,
        Timestamp = time.GetUtcNow(),
        Orchestration = elapsed,
        AwsRequests = meter.AwsRequests,
        AwsPolls = meter.AwsPolls,
        LeaseWait = meter.LeaseWait,
    };

    private void Write(SwitchMetricsSample sample)
    {
        var line = EmbeddedMetricFormat.Write(sample);
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
