using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Coordination.Execution;

/// <summary>
/// The lease one invocation holds on an execution. Before every change to the world a step renews it with a write
/// fenced by the epoch: a holder that was paused past its lease and taken over fails that write and stops before the
/// change. The renewal counts only while it is fresh on this process's monotonic clock (wall clocks jump, a paused
/// process does not know it was paused): a renewal sent longer than <see cref="SafetyMargin"/> ago is sent again.
/// </summary>
/// <remarks>
/// What is left: the change itself is a separate request. A holder that stalls after the check for longer than the
/// lease minus the margin (80 s with the default 120 s lease), or whose wall clock runs that much behind the
/// contender's, can still land one change after a takeover. Route 53's all-or-nothing DELETE+CREATE batch and the
/// epoch-conditioned writer item refuse such a change; an ECS UpdateService or an SNS publish would go through.
/// </remarks>
internal sealed class ExecutionLease(IStateStore store, AppState state, TimeSpan lease, TimeProvider time) : IExecutionLease
{
    /// <summary>How many renewals are tried when each is too slow to count (the process keeps stalling) before the step fails.</summary>
    private const int MaxRenewals = 3;

    private string? _dnsChangeId = state.DnsChangeId;
    private string? _pageMessageId = state.PageMessageId;

    /// <summary>How old (on the monotonic clock, from when it was sent) a renewal may be when a change goes out: a third of the
    /// lease.</summary>
    public TimeSpan SafetyMargin { get; } = lease / 3;

    public long Epoch => state.Epoch;

    public string? DnsChangeId => _dnsChangeId;

    public string? PageMessageId => _pageMessageId;

    public async Task EnsureHeldAsync(string action, CancellationToken cancellationToken)
    {
        for (var renewal = 1; renewal <= MaxRenewals; renewal++)
        {
            // Counted from before the request: the item's expiry is computed from this instant too.
            var sent = time.GetTimestamp();
            await store.RenewAsync(state.App, state.Epoch, time.GetUtcNow() + lease, cancellationToken);
            if (time.GetElapsedTime(sent) <= SafetyMargin)
            {
                return;
            }
        }

        // Not a lost lease: the step fails (nothing changed) and Lambda's retry resumes from the checkpoint.
        throw new TimeoutException(
            $"the lease could not be renewed within {SafetyMargin.TotalSeconds:0.#}s on this process's clock ({MaxRenewals} tries), so "
            + $"{action} was not made");
    }

    public async Task RecordDnsChangeAsync(string changeId, CancellationToken cancellationToken)
    {
        await store.RecordExecutionValueAsync(state.App, state.Epoch, ExecutionValue.DnsChangeId, changeId, time.GetUtcNow() + lease,
            cancellationToken);
        _dnsChangeId = changeId;
    }

    public async Task RecordPageAsync(string messageId, CancellationToken cancellationToken)
    {
        await store.RecordExecutionValueAsync(state.App, state.Epoch, ExecutionValue.PageMessageId, messageId, time.GetUtcNow() + lease,
            cancellationToken);
        _pageMessageId = messageId;
    }
}
