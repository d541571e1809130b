using FailoverOrchestrator.Coordination.Acquisition;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Tests.Coordination.Acquisition;

/// <summary>
/// Why an invocation did not get the lease, as a decision table: each row is the state item read after losing, the
/// request, and the answer. The order of the rules matters (a Failed app before a duplicate, a late delivery before the
/// cooldown, the cooldown before "already there"), so rows sit on each rule's boundary.
/// </summary>
public class ContenderClassifierTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>An alarm asking to fail over to us-west-2, ten minutes' cooldown, a trigger never seen.</summary>
    private static readonly AcquireRequest Alarm = new()
    {
        App = "shop",
        ExecutionId = "exec-new",
        SourceRegion = "us-east-1",
        TargetRegion = "us-west-2",
        Phase = Phase.FailingOver,
        TriggerKey = "arn:alarm#2026-12-01T09:59:00Z",
        Now = Now,
        Lease = TimeSpan.FromMinutes(3),
        Cooldown = TimeSpan.FromMinutes(10),
        AlarmChangedAt = Now.AddMinutes(-1),
    };

    /// <summary>Steady in us-east-1, switched an hour ago by exec-1.</summary>
    private static readonly AppState Steady = new()
    {
        App = "shop",
        ActiveRegion = "us-east-1",
        Phase = Phase.Steady,
        Epoch = 4,
        ExecutionId = "exec-1",
        LastTransitionAt = Now.AddHours(-1),
        LastSwitchStartedAt = Now.AddHours(-1).AddMinutes(-2),
        LastTriggerKey = "arn:alarm#older",
    };

    private static readonly AppState InWest = Steady with { ActiveRegion = "us-west-2" };

    private static readonly Dictionary<string, (AppState? State, AcquireRequest Request, Outcome Outcome, string Reason)> Table = new()
    {
        ["no state item"] = (null, Alarm, Outcome.InProgressElsewhere, "the state item vanished while acquiring"),
        ["failed"] = (Steady with { Phase = Phase.Failed, TargetRegion = "us-west-2", LastError = "DnsUpsert: Throttling" }, Alarm,
            Outcome.Blocked, "execution exec-1 towards us-west-2 is Failed (DnsUpsert: Throttling); nothing was changed. Run {"),
        ["failed, even for a duplicate"] = (Steady with { Phase = Phase.Failed, LastTriggerKey = Alarm.TriggerKey }, Alarm,
            Outcome.Blocked, "is Failed"),
        ["failing over, lease live"] = (Steady with { Phase = Phase.FailingOver, TargetRegion = "us-west-2",
            LeaseExpiresAt = Now.AddSeconds(1) }, Alarm,
            Outcome.InProgressElsewhere, "execution exec-1 (FailingOver to us-west-2, epoch 4) holds the lease until 2026-12-01 10:00:01Z"),
        ["failing back, lease expires now"] = (Steady with { Phase = Phase.FailingBack, TargetRegion = "us-east-1", LeaseExpiresAt = Now },
            Alarm,
            Outcome.InProgressElsewhere, "execution exec-1 (FailingBack to us-east-1) is unfinished; its retry will resume it"),
        ["failing over, no lease"] = (Steady with { Phase = Phase.FailingOver }, Alarm, Outcome.InProgressElsewhere, "is unfinished"),
        ["duplicate, switched"] = (InWest with { LastTriggerKey = Alarm.TriggerKey }, Alarm,
            Outcome.AlreadyInTargetState,
            $"a duplicate delivery: trigger {Alarm.TriggerKey} was already handled by execution exec-1; us-west-2 is active"),
        ["duplicate among recent keys, with its warning"] = (InWest with { RecentTriggerKeys = ["x", Alarm.TriggerKey],
            LastError = "page not sent" }, Alarm,
            Outcome.AlreadyInTargetState, "us-west-2 is active (page not sent)"),
        ["duplicate that did not switch"] = (Steady with { LastTriggerKey = Alarm.TriggerKey, LastError = "preflight: standby unhealthy" },
            Alarm,
            Outcome.Blocked,
            "a duplicate delivery of a trigger that did not switch: preflight: standby unhealthy; us-east-1 is still active"),
        ["duplicate that was stopped"] = (Steady with { RecentTriggerKeys = [Alarm.TriggerKey] }, Alarm, Outcome.Blocked,
            "did not switch: it was stopped;"),
        ["late delivery, before the switch started"] = (Steady, Alarm with { AlarmChangedAt = Now.AddHours(-2) }, Outcome.Ignored,
            "the alarm changed state at 2026-12-01 08:00:00Z, before the last switch "
                + "(to us-east-1, started 2026-12-01 08:58:00Z, done 2026-12-01 09:00:00Z)"),
        ["late delivery, the instant the switch started"] = (Steady, Alarm with { AlarmChangedAt = Steady.LastSwitchStartedAt },
            Outcome.Ignored, "a late delivery"),
        ["late delivery, old item without a switch start"] = (Steady with { LastSwitchStartedAt = null },
            Alarm with { AlarmChangedAt = Now.AddHours(-1) },
            Outcome.Ignored, "a late delivery"),
        ["late delivery after a failover that did not switch (seen)"] = (Steady with { LastTriggerKey = Alarm.TriggerKey },
            Alarm with { AlarmChangedAt = Now.AddHours(-2) }, Outcome.Ignored, "a late delivery"),
        ["within the cooldown"] = (InWest with { LastTransitionAt = Now.AddMinutes(-9) }, Alarm, Outcome.Suppressed,
            "the last switch was at 2026-12-01 09:51:00Z, to us-west-2; alarms are suppressed until 2026-12-01 10:01:00Z (cooldown 600s)"),
        ["cooldown ends now"] = (InWest with { LastTransitionAt = Now.AddMinutes(-10) }, Alarm, Outcome.AlreadyInTargetState,
            "is already active"),
        ["operator, no cooldown"] = (InWest with { LastTransitionAt = Now.AddSeconds(-5) },
            Alarm with { Cooldown = TimeSpan.Zero, AlarmChangedAt = null },
            Outcome.AlreadyInTargetState,
            "app 'shop' is already active in us-west-2 (switched at 2026-12-01 09:59:55Z by execution exec-1)"),
        ["already there, no transition recorded"] = (InWest with { LastTransitionAt = null, LastSwitchStartedAt = null }, Alarm,
            Outcome.AlreadyInTargetState, "(switched at an unknown time by execution exec-1)"),
        ["lost to a concurrent change"] = (Steady, Alarm, Outcome.InProgressElsewhere,
            "the state changed concurrently (now Steady in us-east-1); check status"),
    };

    public static TheoryData<string> Cases => new(Table.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_DecisionTable_AnswersAsTheRowSays(string row)
    {
        var (state, request, outcome, reason) = Table[row];

        var result = ContenderClassifier.Classify(state, request);

        Assert.Equal(outcome, result.Outcome);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        Assert.Equal((request.App, request.TargetRegion, state?.ExecutionId, state?.ActiveRegion),
            (result.App, result.TargetRegion, result.ExecutionId, result.ActiveRegion));
    }
}
