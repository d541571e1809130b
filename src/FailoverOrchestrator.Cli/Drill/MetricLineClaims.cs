using FailoverOrchestrator.LocalCloud.Lambda;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// Matches each invocation to the metric line it wrote before it answered: a line of its environment, written since the
/// invocation was queued there, with its outcome and execution id, not yet claimed by another invocation (concurrent
/// deliveries queue several invocations on one environment).
/// </summary>
internal sealed class MetricLineClaims
{
    /// <summary>Stdout is read asynchronously, so the line may reach us a moment after the answer: this many looks 5 ms apart.</summary>
    private const int Looks = 200;

    private readonly HashSet<(FunctionProcess Environment, int Line)> _claimed = [];

    /// <summary>
    /// The invocation's metric line; null when it wrote none (only switches emit one: not a status, plan or ignored alarm).
    /// </summary>
    public async Task<EmittedMetrics?> ClaimAsync(FunctionProcess environment, int linesBefore, DrillInvocation invocation)
    {
        var expected = invocation.Result is null || invocation.Result.Outcome is Outcome.FailedOver or Outcome.FailedBack or Outcome.Blocked
            or Outcome.Suppressed or Outcome.AlreadyInTargetState or Outcome.InProgressElsewhere;
        for (var look = 0; ; look++)
        {
            if (TryClaim(environment, linesBefore, invocation) is { } emitted)
            {
                return emitted;
            }

            if (!expected || look >= Looks)
            {
                return null;
            }

            await Task.Delay(5);
        }
    }

    private EmittedMetrics? TryClaim(FunctionProcess environment, int linesBefore, DrillInvocation invocation)
    {
        var outcome = invocation.Result?.Outcome.ToString() ?? "Error";
        var executionId = invocation.Result?.ExecutionId;
        var lines = environment.StandardOutput;
        lock (_claimed)
        {
            for (var i = linesBefore; i < lines.Count; i++)
            {
                if (!_claimed.Contains((environment, i)) && EmittedMetrics.TryParse(lines[i]) is { } emitted
                    && emitted.Outcome == outcome && (executionId is null || emitted.ExecutionId == executionId))
                {
                    _claimed.Add((environment, i));
                    return emitted;
                }
            }
        }

        return null;
    }
}
