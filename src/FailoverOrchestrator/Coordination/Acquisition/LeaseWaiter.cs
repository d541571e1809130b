using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Telemetry;

namespace FailoverOrchestrator.Coordination.Acquisition;

/// <summary>
/// Waits out a live lease held by another invocation. Lambda retries a failed asynchronous event after a minute or
/// two; if the invocation it retries died right after a checkpoint, the retry finds that invocation's lease still live,
/// and answering InProgressElsewhere would end the retries with nobody left to finish the switch. So an alarm contender
/// waits until the holder completes (the answer is then AlreadyInTargetState) or its lease expires (the contender then
/// takes over). The lease is shorter than the function timeout, so the wait ends inside the invocation.
/// </summary>
internal static class LeaseWaiter
{
    private static readonly TimeSpan PastExpiry = TimeSpan.FromMilliseconds(50);

    /// <summary>Whether <paramref name="state"/> is an execution in progress whose lease is still live at <paramref name="now"/>.</summary>
    public static bool IsLiveElsewhere(AppState? state, DateTimeOffset now) =>
        state is { Phase: Phase.FailingOver or Phase.FailingBack, LeaseExpiresAt: { } expires } && expires > now;

    /// <summary>Polls with consistent reads until the execution in progress ends or its lease expires; returns the last state
    /// read.</summary>
    public static async Task<AppState?> WaitAsync(IStateStore store, string app, TimeProvider time, CancellationToken cancellationToken)
    {
        using var measured = InvocationMeter.MeasureLeaseWait(time);
        AppState? state = null;
        var untilExpiry = TimeSpan.Zero;
        await Polling.UntilAsync(
            async ct =>
            {
                state = await store.GetAsync(app, ct);
                var now = time.GetUtcNow();
                untilExpiry = state?.LeaseExpiresAt is { } expires ? expires - now + PastExpiry : TimeSpan.Zero;
                return !IsLiveElsewhere(state, now);
            },
            PollSchedule.Lease,
            deadline: null,
            time,
            cancellationToken,
            shorten: delay => untilExpiry < delay ? untilExpiry : delay);
        return state;
    }
}
