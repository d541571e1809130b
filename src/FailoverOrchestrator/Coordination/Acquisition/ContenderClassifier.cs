using System.Globalization;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Coordination.Acquisition;

/// <summary>Explains, from a consistent read of the state item, why an invocation did not get the lease.</summary>
internal static class ContenderClassifier
{
    public static FailoverResult Classify(AppState? state, AcquireRequest request)
    {
        var app = request.App;
        if (state is null)
        {
            return Result(Outcome.InProgressElsewhere, app, null, request,
                "the state item vanished while acquiring; another invocation is resetting it");
        }

        var at = state.LastTransitionAt?.ToString("u", CultureInfo.InvariantCulture) ?? "an unknown time";
        switch (state.Phase)
        {
            case Phase.Failed:
                return Result(Outcome.Blocked, app, state, request,
                    $"execution {state.ExecutionId} towards {state.TargetRegion} is Failed ({state.LastError}); nothing was changed. Run "
                        + $"{OperatorCommands.Resume(app)} or reset");
            case Phase.FailingOver or Phase.FailingBack when state.LeaseExpiresAt > request.Now:
                return Result(Outcome.InProgressElsewhere, app, state, request,
                    $"execution {state.ExecutionId} ({state.Phase} to {state.TargetRegion}, epoch {state.Epoch}) holds the lease until "
                        + $"{state.LeaseExpiresAt:u}");
            case Phase.FailingOver or Phase.FailingBack:
                return Result(Outcome.InProgressElsewhere, app, state, request,
                    $"execution {state.ExecutionId} ({state.Phase} to {state.TargetRegion}) is unfinished; its retry will resume it, or an "
                        + $"operator may resume or reset it");
        }

        var seenBefore = state.LastTriggerKey == request.TriggerKey
            || state.RecentTriggerKeys.Contains(request.TriggerKey, StringComparer.Ordinal);
        if (seenBefore && state.ActiveRegion == request.TargetRegion)
        {
            return Result(Outcome.AlreadyInTargetState, app, state, request,
                $"a duplicate delivery: trigger {request.TriggerKey} was already handled by execution {state.ExecutionId}; "
                    + $"{state.ActiveRegion} is active" +
                (state.LastError is null ? string.Empty : $" ({state.LastError})"));
        }

        if (request.AlarmChangedAt is { } changedAt && state.AnsweredUntil is { } switched && changedAt <= switched)
        {
            // A late redelivery (or a transition an operator's switch has since overruled): the switch after it answered it.
            return Result(Outcome.Ignored, app, state, request,
                $"the alarm changed state at {changedAt.ToString("u", CultureInfo.InvariantCulture)}, before the last switch (to "
                    + $"{state.ActiveRegion}, started {switched.ToString("u", CultureInfo.InvariantCulture)}, done {at}): a late delivery "
                    + $"of an alarm that switch already answered; nothing was changed");
        }

        if (seenBefore)
        {
            // The earlier delivery of this alarm did not switch (preflight blocked it, or it was reset): say so, not "done".
            return Result(Outcome.Blocked, app, state, request,
                $"a duplicate delivery of a trigger that did not switch: {state.LastError ?? "it was stopped"}; {state.ActiveRegion} is "
                    + $"still active and nothing was changed. " +
                $"Check with {OperatorCommands.Plan(app)} and switch by hand with confirm");
        }

        // Flap protection comes before "already there": a new alarm within the cooldown after a switch is news for the on-call.
        if (request.Cooldown > TimeSpan.Zero && state.LastTransitionAt is { } last && last + request.Cooldown > request.Now)
        {
            return Result(Outcome.Suppressed, app, state, request,
                $"the last switch was at {at}, to {state.ActiveRegion}; alarms are suppressed until "
                    + $"{(last + request.Cooldown).ToString("u", CultureInfo.InvariantCulture)} (cooldown "
                    + $"{request.Cooldown.TotalSeconds:0}s) to stop flapping; nothing was changed");
        }

        if (state.ActiveRegion == request.TargetRegion)
        {
            return Result(Outcome.AlreadyInTargetState, app, state, request,
                $"app '{app}' is already active in {state.ActiveRegion} (switched at {at} by execution {state.ExecutionId})");
        }

        return Result(Outcome.InProgressElsewhere, app, state, request,
            $"the state changed concurrently (now {state.Phase} in {state.ActiveRegion}); check status");
    }

    private static FailoverResult Result(Outcome outcome, string app, AppState? state, AcquireRequest request, string reason) => new()
    {
        Outcome = outcome,
        App = app,
        ExecutionId = state?.ExecutionId,
        ActiveRegion = state?.ActiveRegion,
        TargetRegion = request.TargetRegion,
        Reason = reason,
    };
}
