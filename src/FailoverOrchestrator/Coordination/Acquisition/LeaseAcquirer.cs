using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Coordination.Acquisition;

/// <summary>
/// Takes the lease of a switch, or takes over an expired one keeping its checkpoint. An alarm that finds another
/// invocation's live lease waits it out; a start that raced another execution's whole run is tried again on a fresh read.
/// </summary>
internal sealed class LeaseAcquirer(IStateStore store, TimeProvider time)
{
    /// <summary>How many live leases one invocation waits out before it answers InProgressElsewhere.</summary>
    private const int MaxLeaseWaits = 2;

    /// <summary>How many times a start is retried on a fresh read because another execution started and ended in between.</summary>
    private const int MaxRereads = 3;

    public async Task<Acquisition> AcquireAsync(FailoverTrigger trigger, AppOptions app, SwitchDirection direction,
        CancellationToken cancellationToken)
    {
        var request = await FirstRequestAsync(trigger, app, direction, cancellationToken);
        for (int round = 1, rereads = 0; ; round++)
        {
            var state = await store.TryAcquireAsync(request, cancellationToken);
            if (state is not null)
            {
                return new(request, state, state);
            }

            // A consistent read: ReturnValuesOnConditionCheckFailure is not relied on (dynalite ignores it).
            var current = await store.GetAsync(app.Name, cancellationToken);
            if (current?.Holder == request.ExecutionId && current.Phase == request.Phase)
            {
                // The SDK retried an update (a fresh start or a takeover) that had already been applied: the lease is ours.
                return new(request, current, current);
            }

            if (StartedAndEndedMeanwhile(request, current) && rereads++ < MaxRereads)
            {
                request = AcquireRequests.Remembering(request with { Now = time.GetUtcNow() }, current);
                round--;
                continue;
            }

            if (await WaitOutOrRefuseAsync(round, trigger, app, request, current, cancellationToken) is { } refused)
            {
                return refused;
            }

            request = request with { Now = time.GetUtcNow() };
        }
    }

    /// <summary>Makes sure the state item exists and reads it first: the remembered trigger keys are rewritten whole on a
    /// start, pruned to their bounds.</summary>
    private async Task<AcquireRequest> FirstRequestAsync(FailoverTrigger trigger, AppOptions app, SwitchDirection direction,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await store.EnsureAsync(app.Name, app.PrimaryRegion, now, cancellationToken);
        var seen = await store.GetAsync(app.Name, cancellationToken);
        return AcquireRequests.For(trigger, app, direction, now, seen);
    }

    /// <summary>An alarm that finds another invocation's live lease waits it out, at most <see cref="MaxLeaseWaits"/> times;
    /// anything else is refused. Null when the lease was waited out and the start should be tried again.</summary>
    private async Task<Acquisition?> WaitOutOrRefuseAsync(int round, FailoverTrigger trigger, AppOptions app, AcquireRequest request,
        AppState? current, CancellationToken cancellationToken)
    {
        if (round > MaxLeaseWaits || !trigger.IsAlarm || !app.WaitOutLiveLease || !LeaseWaiter.IsLiveElsewhere(current, request.Now))
        {
            return new(request, null, current);
        }

        return await TryWaitOutAsync(app, cancellationToken) ? null : new(request, null, current, WaitCancelled: true);
    }

    /// <summary>Another execution started (and ended) between the read and this alarm's start: try again on what it left.</summary>
    private static bool StartedAndEndedMeanwhile(AcquireRequest request, AppState? current) =>
        request.AlarmChangedAt is not null && current is { Phase: Phase.Steady } && current.Epoch != request.SeenEpoch;

    private async Task<bool> TryWaitOutAsync(AppOptions app, CancellationToken cancellationToken)
    {
        try
        {
            await LeaseWaiter.WaitAsync(store, app.Name, time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
