using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Tests.TestSupport;

namespace FailoverOrchestrator.Tests.Coordination.Acquisition;

/// <summary>
/// Answering an invocation that did not get the lease (<see cref="FailoverOrchestrator.Coordination.Acquisition.ContenderAnswer"/>):
/// a duplicate, a duplicate of a blocked alarm, the cooldown's one Suppressed page, and a Failed app pointed at resume.
/// </summary>
public sealed class ContenderAnswerTests : SwitchExecutorTestBase
{
    [Fact]
    public async Task RunAsync_AlreadyInTarget_AnswersWithoutRunningOrNotifying()
    {
        Lose(
            new AppState { App = "shop", ActiveRegion = "us-west-2", Phase = Phase.Steady, Epoch = 3, ExecutionId = "e0",
            LastTriggerKey = _alarm.IdempotencyKey });

        var result = await CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None);

        Assert.Equal(Outcome.AlreadyInTargetState, result.Outcome);
        Assert.StartsWith("a duplicate delivery", result.Reason, StringComparison.Ordinal);
        Assert.Empty(_ran);
        Assert.Empty(_notes);
        Assert.Equal("Duplicate", Assert.Single(_audit).Kind);
    }

    [Fact]
    public async Task RunAsync_DuplicateOfABlockedAlarm_BlockedNotDone()
    {
        Lose(
            new AppState { App = "shop", ActiveRegion = "us-east-1", Phase = Phase.Steady, Epoch = 3, ExecutionId = "e0",
            LastTriggerKey = _alarm.IdempotencyKey, LastError = "us-west-2 is not ready" });

        var result = await CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None);

        Assert.Equal(Outcome.Blocked, result.Outcome);
        Assert.Contains("us-west-2 is not ready", result.Reason, StringComparison.Ordinal);
        Assert.Contains("us-east-1 is still active", result.Reason, StringComparison.Ordinal);
        Assert.Empty(_ran);
        Assert.Empty(_notes);
    }

    [Fact]
    public async Task RunAsync_WithinCooldown_SuppressedAndNotified()
    {
        Lose(
            new AppState { App = "shop", ActiveRegion = "us-east-1", Phase = Phase.Steady, Epoch = 4, ExecutionId = "e1",
            LastTransitionAt = _time.GetUtcNow().AddMinutes(-5), LastTriggerKey = "older" });

        var result = await CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None);

        Assert.Equal(Outcome.Suppressed, result.Outcome);
        Assert.StartsWith("[failover] Suppressed shop", Assert.Single(_notes).Subject, StringComparison.Ordinal);
        Assert.Equal("Suppressed", Assert.Single(_audit).Kind);
    }

    [Fact]
    public async Task RunAsync_NewAlarmWithinCooldownAfterFailover_SuppressedAndNotified()
    {
        Lose(
            new AppState { App = "shop", ActiveRegion = "us-west-2", Phase = Phase.Steady, Epoch = 4, ExecutionId = "e1",
            LastTransitionAt = _time.GetUtcNow().AddMinutes(-5), LastTriggerKey = "older" });

        var result = await CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None);

        Assert.Equal(Outcome.Suppressed, result.Outcome);
        Assert.Equal("us-west-2", result.ActiveRegion);
        Assert.StartsWith("[failover] Suppressed shop", Assert.Single(_notes).Subject, StringComparison.Ordinal);
        Assert.Equal("Suppressed", Assert.Single(_audit).Kind);
        Assert.Empty(_ran);
    }

    [Fact]
    public async Task RunAsync_NewAlarmAfterCooldownAlreadyFailedOver_AlreadyInTargetState()
    {
        Lose(
            new AppState { App = "shop", ActiveRegion = "us-west-2", Phase = Phase.Steady, Epoch = 4, ExecutionId = "e1",
            LastTransitionAt = _time.GetUtcNow().AddHours(-2), LastTriggerKey = "older" });

        var result = await CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None);

        Assert.Equal(Outcome.AlreadyInTargetState, result.Outcome);
        Assert.Empty(_notes);
        Assert.Equal("Duplicate", Assert.Single(_audit).Kind);
    }

    [Fact]
    public async Task RunAsync_AppFailed_BlockedPointingAtResume()
    {
        Lose(
            new AppState { App = "shop", ActiveRegion = "us-east-1", Phase = Phase.Failed, TargetRegion = "us-west-2", Epoch = 4,
            ExecutionId = "e1", LastError = "DnsUpsert: boom" });

        var result = await CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None);

        Assert.Equal(Outcome.Blocked, result.Outcome);
        Assert.Contains("\"command\":\"resume\"", result.Reason, StringComparison.Ordinal);
    }
}
