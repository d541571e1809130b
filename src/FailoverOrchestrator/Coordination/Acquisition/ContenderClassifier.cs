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
        if (state is null)
        {
            return Result(Outcome.InProgressElsewhere, request.App, null, request,
                "the state item vanished while acquiring; another invocation is resetting it");
        }

        return ByPhase(state, request) ?? ByTrigger(state, request) ?? ByCooldown(state, request) ?? ByRegion(state, request);
    }

    /// <summary>A Failed execution, or one in progress (with a live lease or an expired one).</summary>
    private static FailoverResult? ByPhase(AppState state, AcquireRequest request)
    {
        var app = request.App;
        return state.Phase switch
        {
            Phase.Failed => Result(Outcome.Blocked, app, state, request,
                $"execution {state.ExecutionId} towards {state.TargetRegion} is Failed ({state.LastError}); nothing was changed. "
                + $"Run {OperatorCommands.Resume(app)} or reset"),
            Phase.FailingOver or Phase.FailingBack when state.LeaseExpiresAt > request.Now => Result(Outcome.InProgressElsewhere, app,
                state, request,
                $"execution {state.ExecutionId} ({state.Phase} to {state.TargetRegion}, epoch {state.Epoch}) "
                + $"holds the lease until {state.LeaseExpiresAt:u}"),
            Phase.FailingOver or Phase.FailingBack => Result(Outcome.InProgressElsewhere, app, state, request,
                $"execution {state.ExecutionId} ({state.Phase} to {state.TargetRegion}) is unfinished; "
                + "its retry will resume it, or an operator may resume or reset it"),
            _ => null,
        };
    }

    /// <summary>A trigger seen before (done, or stopped), or an alarm transition the last switch already answered.</summary>
    private static FailoverResult? ByTrigger(AppState state, AcquireRequest request)
    {
        var app = request.App;
        var seenBefore = state.LastTriggerKey == request.TriggerKey || state.RecentTriggerKeys.Contains(request.TriggerKey,
            StringComparer.Ordinal);
        if (seenBefore && state.ActiveRegion == request.TargetRegion)
        {
            return Result(Outcome.AlreadyInTargetState, app, state, request,
                $"a duplicate delivery: trigger {request.TriggerKey} was already handled by execution {state.ExecutionId}; " +
                $"{state.ActiveRegion} is active" +
                (state.LastError is null ? string.Empty : $" ({state.LastError})"));
        }

        if (request.AlarmChangedAt is { } changedAt && state.AnsweredUntil is { } switched && changedAt <= switched)
        {
            // A late redelivery (or a transition an operator's switch has since overruled): the switch after it answered it.
            return Result(Outcome.Ignored, app, state, request,
                $"the alarm changed state at {Time(changedAt)}, before the last switch "
                + $"(to {state.ActiveRegion}, started {Time(switched)}, done {At(state)}): "
                + "a late delivery of an alarm that switch already answered; nothing was changed");
        }

        // The earlier delivery of this alarm did not switch (preflight blocked it, or it was reset): say so, not "done".
        return seenBefore
            ? Result(Outcome.Blocked, app, state, request,
                $"a duplicate delivery of a trigger that did not switch: {state.LastError ?? "it was stopped"}; " +
                $"{state.ActiveRegion} is still active and nothing was changed. " +
                $"Check with {OperatorCommands.Plan(app)} and switch by hand with confirm")
            : null;
    }

    /// <summary>
    /// Flap protection comes before "already there": a new alarm within the cooldown after a switch is news for the on-call.
    /// </summary>
    private static FailoverResult? ByCooldown(AppState state, AcquireRequest request) =>
        request.Cooldown > TimeSpan.Zero && state.LastTransitionAt is { } last && last + request.Cooldown > request.Now
            ? Result(Outcome.Suppressed, request.App, state, request,
                $"the last switch was at {At(state)}, to {state.ActiveRegion}; " +
                $"alarms are suppressed until {Time(last + request.Cooldown)} " +
                $"(cooldown {request.Cooldown.TotalSeconds:0}s) to stop flapping; nothing was changed")
            : null;

    private static FailoverResult ByRegion(AppState state, AcquireRequest request) =>
        state.ActiveRegion == request.TargetRegion
            ? Result(Outcome.AlreadyInTargetState, request.App, state, request,
                $"app '{request.App}' is already active in {state.ActiveRegion} (switched at {At(state)} by execution {state.ExecutionId})")
            : Result(Outcome.InProgressElsewhere, request.App, state, request,
                $"the state changed concurrently (now {state.Phase} in {state.ActiveRegion}); check status");

    private static string At(AppState state) => state.LastTransitionAt is { } at ? Time(at) : "an unknown time";

    private static string Time(DateTimeOffset at) => at.ToString("u", CultureInfo.InvariantCulture);

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
