using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Coordination.Acquisition;
using FailoverOrchestrator.Coordination.Execution;
using FailoverOrchestrator.Coordination.Failures;
using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Triggers;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Coordination;

/// <summary>
/// Runs one switch exactly once: <see cref="LeaseAcquirer"/> takes the lease (or takes over an expired one, keeping the
/// checkpoint), <see cref="ExecutionRunner"/> runs the execution from the checkpoint and ends it, and an invocation
/// that did not get the lease is answered by <see cref="ContenderAnswer"/>.
/// </summary>
internal sealed class SwitchExecutor(
    IStateStore store, IAuditLog auditLog, SwitchPipeline pipeline, OnCallNotifier notifier, TimeProvider time,
        ILogger<SwitchExecutor> logger)
{
    private readonly LeaseAcquirer _acquirer = new(store, time);
    private readonly ContenderAnswer _contenders = new(store, auditLog, notifier, time, logger);
    private readonly ExecutionRunner _runner =
        new(store, auditLog, pipeline, new FailureRecorder(store, notifier, time, logger), notifier, time, logger);

    /// <summary>Starts a switch in <paramref name="direction"/>, or joins the execution in progress towards it.</summary>
    public async Task<FailoverResult> RunAsync(FailoverTrigger trigger, AppOptions app, SwitchDirection direction,
        CancellationToken cancellationToken)
    {
        var acquisition = await _acquirer.AcquireAsync(trigger, app, direction, cancellationToken);
        if (acquisition.Held is { } state)
        {
            return await _runner.RunAsync(trigger, app, state, cancellationToken);
        }

        // A wait cut short by the deadline is still answered (and audited) in the cleanup reserve.
        var answering = acquisition.WaitCancelled ? CancellationToken.None : cancellationToken;
        return await _contenders.AnswerAsync(app, acquisition.Request, trigger, acquisition.Current, answering);
    }

    /// <summary>Resumes a Failed execution from its checkpoint (operator <c>resume</c>).</summary>
    public async Task<FailoverResult> ResumeAsync(FailoverTrigger trigger, AppOptions app, CancellationToken cancellationToken)
    {
        var state = await store.TryResumeFailedAsync(app.Name, time.GetUtcNow(), TimeSpan.FromSeconds(app.LeaseSeconds), cancellationToken);
        if (state is null)
        {
            var current = await store.GetAsync(app.Name, cancellationToken);
            return FailoverResult.Rejected(
                $"app '{app.Name}' is {current?.Phase ?? Phase.Steady} in {current?.ActiveRegion ?? app.PrimaryRegion}: only a Failed "
                + $"execution can be resumed; nothing was changed", app.Name);
        }

        return await _runner.RunAsync(trigger, app, state, cancellationToken);
    }
}
