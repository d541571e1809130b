using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Coordination.Failures;
using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Tests.TestSupport;
using FailoverOrchestrator.Triggers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FailoverOrchestrator.Tests.Coordination;

public class SwitchExecutorTests
{
    private readonly AwsMocks _aws = new();
    private readonly FakeTimeProvider _time = StepContexts.Clock();
    private readonly List<string> _ran = [];
    private readonly List<AuditEvent> _audit;
    private readonly List<(string Subject, string Message)> _notes;
    private readonly FailoverTrigger _alarm = TriggerParser.Parse(TestConfig.Event("alarm-lambda-action.json")).Trigger!;

    public SwitchExecutorTests()
    {
        _audit = _aws.RecordAudit();
        _notes = _aws.RecordNotifications();
        _aws.State.Setup(s => s.EnsureAsync("shop", "us-east-1", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        _aws.State.Setup(s =>
            s.CheckpointAsync(
            "shop", It.IsAny<long>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).Returns(
            Task.CompletedTask);
        _aws.State.Setup(s =>
            s.CommitAsync("shop", It.IsAny<long>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).Returns(
            Task.CompletedTask);
        _aws.State.Setup(s =>
            s.RecordFailureAsync(
            "shop", It.IsAny<long>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<DateTimeOffset>(),
            It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _aws.State.Setup(s => s.AbandonAsync("shop", It.IsAny<long>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);

        // The read before acquiring (a test that loses sets what it reads), the fence before each step and change,
        // the records a retry needs, and the claim of the one Suppressed page of a cooldown window.
        _aws.State.Setup(s => s.GetAsync("shop", It.IsAny<CancellationToken>())).ReturnsAsync((AppState?)null);
        _aws.State.Setup(s => s.RenewAsync("shop", It.IsAny<long>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        _aws.State.Setup(s =>
            s.RecordExecutionValueAsync(
            "shop", It.IsAny<long>(), It.IsAny<ExecutionValue>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(),
            It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _aws.State.Setup(s => s.TryClaimSuppressedPageAsync("shop", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
    }

    [Fact]
    public async Task RunAsync_Acquired_RunsEveryStepCommitsAndAudits()
    {
        Acquire(Holding());

        var result = await CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None);

        Assert.Equal(Outcome.FailedOver, result.Outcome);
        Assert.Equal("us-west-2", result.ActiveRegion);
        Assert.Equal(StepNames.DefaultOrder, _ran);
        Assert.Equal(7, result.Steps.Count);
        _aws.State.Verify(s =>
            s.CheckpointAsync("shop", 3, It.IsAny<string>(), _time.GetUtcNow() + TimeSpan.FromSeconds(120), It.IsAny<CancellationToken>()),
            Times.Exactly(7));
        _aws.State.Verify(s => s.CommitAsync("shop", 3, "us-west-2", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()),
            Times.Once);
        Assert.Equal("TriggerReceived", _audit[0].Kind);
        Assert.Equal("LeaseAcquired", _audit[1].Kind);
        Assert.Equal("Completed", _audit[^1].Kind);
        Assert.Equal(Enumerable.Range(1, _audit.Count), _audit.Select(a => a.Sequence));
    }

    [Fact]
    public async Task RunAsync_AcquireRequest_CarriesDirectionKeyLeaseAndCooldown()
    {
        AcquireRequest? sent = null;
        _aws.State.Setup(s => s.TryAcquireAsync(It.IsAny<AcquireRequest>(), It.IsAny<CancellationToken>()))
            .Callback<AcquireRequest, CancellationToken>((r, _) => sent = r)
            .ReturnsAsync(Holding());

        await CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None);

        Assert.Equal(("us-east-1", "us-west-2", Phase.FailingOver), (sent!.SourceRegion, sent.TargetRegion, sent.Phase));
        Assert.Equal(_alarm.IdempotencyKey, sent.TriggerKey);
        Assert.Equal(TimeSpan.FromSeconds(120), sent.Lease);
        Assert.Equal(TimeSpan.FromSeconds(900), sent.Cooldown);
    }

    [Fact]
    public async Task RunAsync_OperatorCommand_IgnoresCooldown()
    {
        AcquireRequest? sent = null;
        _aws.State.Setup(s => s.TryAcquireAsync(It.IsAny<AcquireRequest>(), It.IsAny<CancellationToken>()))
            .Callback<AcquireRequest, CancellationToken>((r, _) => sent = r)
            .ReturnsAsync(Holding(phase: Phase.FailingBack, target: "us-east-1"));
        var command = TriggerParser.Parse("""{"command":"failback","app":"shop","confirm":"shop"}"""u8.ToArray()).Trigger!;

        var result = await CreateSut().RunAsync(command, TestConfig.Shop(), SwitchDirection.Failback, CancellationToken.None);

        Assert.Equal(TimeSpan.Zero, sent!.Cooldown);
        Assert.Equal(("us-west-2", "us-east-1"), (sent.SourceRegion, sent.TargetRegion));
        Assert.Equal(Outcome.FailedBack, result.Outcome);
    }

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
    public async Task RunAsync_TakeoverAppliedButAnswerLost_RecognisedAsOurs()
    {
        AcquireRequest? sent = null;
        _aws.State.Setup(s => s.TryAcquireAsync(It.IsAny<AcquireRequest>(), It.IsAny<CancellationToken>()))
            .Callback<AcquireRequest, CancellationToken>((r, _) => sent = r)
            .ReturnsAsync((AppState?)null);
        _aws.State.Setup(s => s.GetAsync("shop", It.IsAny<CancellationToken>()))
            .ReturnsAsync(() =>
                Holding(attempts: 2, completed: [StepNames.Preflight]) with { ExecutionId = "shop-older", Holder = sent?.ExecutionId });

        var result = await CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None);

        Assert.Equal(Outcome.FailedOver, result.Outcome);
        Assert.Equal("shop-older", result.ExecutionId);
        Assert.DoesNotContain(StepNames.Preflight, _ran);
        _aws.State.Verify(s => s.TryAcquireAsync(It.IsAny<AcquireRequest>(), It.IsAny<CancellationToken>()), Times.Once);
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
    public async Task RunAsync_LiveLeaseElsewhereNoWaiting_InProgressElsewhere()
    {
        Lose(Live());

        var result = await CreateSut()
            .RunAsync(_alarm, TestConfig.Shop([new("Orchestrator:Apps:shop:WaitOutLiveLease", "false")]), SwitchDirection.Failover,
            CancellationToken.None);

        Assert.Equal(Outcome.InProgressElsewhere, result.Outcome);
        Assert.Contains("execution e0", result.Reason, StringComparison.Ordinal);
        Assert.Empty(_ran);
    }

    [Fact]
    public async Task RunAsync_OperatorFindsLiveLease_AnswersAtOnce()
    {
        Lose(Live());
        var command = TriggerParser.Parse("""{"command":"failover","app":"shop","confirm":"shop"}"""u8.ToArray()).Trigger!;

        var result = await CreateSut().RunAsync(command, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None);

        Assert.Equal(Outcome.InProgressElsewhere, result.Outcome);
    }

    [Fact]
    public async Task RunAsync_AlarmFindsLiveLeaseThatCompletes_WaitsThenAlreadyInTargetState()
    {
        Lose(Live());
        var reads = 0;
        _aws.State.Setup(s => s.GetAsync("shop", It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => ++reads < 3
                ? Live() : new AppState { App = "shop", ActiveRegion = "us-west-2", Phase = Phase.Steady, Epoch = 3, ExecutionId = "e0" });

        var result = await StepContexts.AdvanceUntilDone(_time,
            CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None));

        Assert.Equal(Outcome.AlreadyInTargetState, result.Outcome);
        Assert.Empty(_ran);
        _aws.State.Verify(s => s.TryAcquireAsync(It.IsAny<AcquireRequest>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task RunAsync_AlarmFindsLeaseOfADeadInvocation_TakesOverWhenItExpires()
    {
        var dead = Live();
        _aws.State.SetupSequence(s => s.TryAcquireAsync(It.IsAny<AcquireRequest>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((AppState?)null)
            .ReturnsAsync(Holding(attempts: 2, completed: [StepNames.Preflight]));
        _aws.State.Setup(s => s.GetAsync("shop", It.IsAny<CancellationToken>())).ReturnsAsync(dead);

        var result = await StepContexts.AdvanceUntilDone(_time,
            CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None));

        Assert.Equal(Outcome.FailedOver, result.Outcome);
        Assert.DoesNotContain(StepNames.Preflight, _ran);
        Assert.True(_time.GetUtcNow() >= dead.LeaseExpiresAt);
    }

    private static AppState Live() =>
        new() { App = "shop", ActiveRegion = "us-east-1", Phase = Phase.FailingOver, TargetRegion = "us-west-2", Epoch = 3,
            ExecutionId = "e0", LeaseExpiresAt = StepContexts.Clock().GetUtcNow().AddSeconds(30) };

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

    [Theory]
    [InlineData(1, false, "RETRYING")]
    [InlineData(3, true, "FAILED")]
    public async Task RunAsync_StepFails_RecordsFailureNotifiesAndThrows(int attempt, bool terminal, string label)
    {
        Acquire(Holding(attempts: attempt));

        var ex = await Assert.ThrowsAsync<ExecutionFailedException>(() =>
            CreateSut(failing: StepNames.DnsUpsert).RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None));

        Assert.Equal(terminal, ex.Terminal);
        Assert.Equal(StepNames.DnsUpsert, ex.Step);
        _aws.State.Verify(s =>
            s.RecordFailureAsync(
            "shop", 3, It.Is<string>(m => m.Contains("DnsUpsert", StringComparison.Ordinal)), terminal, It.IsAny<DateTimeOffset>(),
            It.IsAny<CancellationToken>()), Times.Once);
        _aws.State.Verify(s =>
            s.CommitAsync(
            It.IsAny<string>(), It.IsAny<long>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()),
            Times.Never);
        Assert.StartsWith($"[failover] {label} shop -> us-west-2", Assert.Single(_notes).Subject, StringComparison.Ordinal);
        Assert.Contains(_audit, a => a.Kind == "StepFailed" && a.Step == StepNames.DnsUpsert);
    }

    [Fact]
    public async Task RunAsync_StepRefusedForGood_FailsOnTheFirstAttemptWithoutLambdasRetries()
    {
        Acquire(Holding(attempts: 1));

        var ex = await Assert.ThrowsAsync<ExecutionFailedException>(() =>
            CreateSut(failing: StepNames.DnsUpsert, error: () =>
                new StepFailedException(StepNames.DnsUpsert, "the cluster refused the update") { Terminal = true })
                .RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None));

        Assert.True(ex.Terminal);
        _aws.State.Verify(s =>
            s.RecordFailureAsync(
            "shop", 3, It.Is<string>(m => m.Contains("refused", StringComparison.Ordinal)), true, It.IsAny<DateTimeOffset>(),
            It.IsAny<CancellationToken>()), Times.Once);
        Assert.StartsWith("[failover] FAILED shop -> us-west-2", Assert.Single(_notes).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DeadlineReachedInAStep_RecordsTheAttemptNotifiesAndThrows()
    {
        Acquire(Holding());
        using var deadline = new CancellationTokenSource();
        deadline.Cancel();

        var ex = await Assert.ThrowsAsync<ExecutionFailedException>(() =>
            CreateSut(failing: StepNames.EcsScaleUp, error: () => new OperationCanceledException(deadline.Token))
                .RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None));

        Assert.False(ex.Terminal);
        Assert.Equal(StepNames.EcsScaleUp, ex.Step);
        _aws.State.Verify(s =>
            s.RecordFailureAsync(
            "shop", 3, It.IsAny<string>(), false, It.IsAny<DateTimeOffset>(), It.Is<CancellationToken>(t => !t.IsCancellationRequested)),
            Times.Once);
        Assert.StartsWith("[failover] RETRYING shop", Assert.Single(_notes).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_InvocationDeadlinePassesThroughThePipeline_RecordedWithAFreshToken()
    {
        Acquire(Holding());
        using var deadline = new CancellationTokenSource();
        deadline.Cancel();

        var ex = await Assert.ThrowsAsync<ExecutionFailedException>(() =>
            CreateSut(failing: StepNames.DnsUpsert, error: () => new OperationCanceledException(deadline.Token))
                .RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, deadline.Token));

        Assert.IsAssignableFrom<OperationCanceledException>(ex.InnerException);
        Assert.Equal(StepNames.DnsUpsert, ex.Step);
        _aws.State.Verify(s =>
            s.RecordFailureAsync(
            "shop", 3, It.IsAny<string>(), false, It.IsAny<DateTimeOffset>(), It.Is<CancellationToken>(t => !t.IsCancellationRequested)),
            Times.Once);
        Assert.Single(_notes);
    }

    [Fact]
    public async Task RunAsync_CheckpointFindsLeaseLost_StopsWithoutFurtherCalls()
    {
        Acquire(Holding());
        _aws.State.Setup(s => s.CheckpointAsync("shop", 3, StepNames.EcsScaleUp, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new LeaseLostException("shop", 3));

        var result = await CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None);

        Assert.Equal(Outcome.InProgressElsewhere, result.Outcome);
        Assert.Equal([StepNames.Preflight, StepNames.EcsScaleUp], _ran);
        _aws.State.Verify(s =>
            s.CommitAsync(
            It.IsAny<string>(), It.IsAny<long>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()),
            Times.Never);
        Assert.Empty(_notes);
        Assert.Equal("LeaseLost", _audit[^1].Kind);
    }

    [Fact]
    public async Task RunAsync_TakeOver_ResumesAfterCheckpointAndAuditsTheTakeover()
    {
        Acquire(Holding(attempts: 2, completed: [StepNames.Preflight, StepNames.EcsScaleUp, StepNames.TargetHealthy]));

        var result = await CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None);

        Assert.Equal(Outcome.FailedOver, result.Outcome);
        Assert.Equal([StepNames.PromoteWriter, StepNames.DnsUpsert, StepNames.SnsNotify, StepNames.AuditLog], _ran);
        Assert.Equal("LeaseTakenOver", _audit[1].Kind);
        Assert.Contains("resuming after Preflight, EcsScaleUp, TargetHealthy", _audit[1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_AttemptsExhaustedByCrashes_FailsTerminallyWithoutRunning()
    {
        Acquire(Holding(attempts: 4));

        var ex = await Assert.ThrowsAsync<ExecutionFailedException>(() =>
            CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None));

        Assert.True(ex.Terminal);
        Assert.Empty(_ran);
    }

    [Fact]
    public async Task RunAsync_PreflightBlocks_AbandonsNotifiesAndChangesNothing()
    {
        Acquire(Holding());

        var result = await CreateSut(blocking: true).RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None);

        Assert.Equal(Outcome.Blocked, result.Outcome);
        Assert.Equal("us-east-1", result.ActiveRegion);
        Assert.Equal([StepNames.Preflight], _ran);
        _aws.State.Verify(s => s.AbandonAsync("shop", 3, "not ready", It.IsAny<CancellationToken>()), Times.Once);
        _aws.State.Verify(s =>
            s.CommitAsync(
            It.IsAny<string>(), It.IsAny<long>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()),
            Times.Never);
        Assert.StartsWith("[failover] Blocked shop -> us-west-2", Assert.Single(_notes).Subject, StringComparison.Ordinal);
    }

    private AppState Holding(int attempts = 1, IReadOnlyList<string>? completed = null, Phase phase = Phase.FailingOver,
        string target = "us-west-2") => new()
    {
        App = "shop",
        ActiveRegion = phase == Phase.FailingOver ? "us-east-1" : "us-west-2",
        Phase = phase,
        TargetRegion = target,
        Epoch = 3,
        ExecutionId = "shop-exec",
        Attempts = attempts,
        CompletedSteps = completed ?? [],
        LeaseExpiresAt = _time.GetUtcNow().AddSeconds(120),
    };

    private void Acquire(AppState state) =>
        _aws.State.Setup(s => s.TryAcquireAsync(It.IsAny<AcquireRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(state);

    private void Lose(AppState current)
    {
        _aws.State.Setup(s => s.TryAcquireAsync(It.IsAny<AcquireRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync((AppState?)null);
        _aws.State.Setup(s => s.GetAsync("shop", It.IsAny<CancellationToken>())).ReturnsAsync(current);
    }

    private SwitchExecutor CreateSut(string? failing = null, bool blocking = false, Func<Exception>? error = null)
    {
        var steps = StepNames.All.Select(name =>
        {
            var step = new Mock<IFailoverStep>(MockBehavior.Strict);
            step.SetupGet(s => s.Name).Returns(name);
            step.Setup(s => s.ExecuteAsync(It.IsAny<StepContext>(), It.IsAny<CancellationToken>()))
                .Callback(() => _ran.Add(name))
                .ReturnsAsync(() => name == failing
                    ? throw (error?.Invoke() ?? new StepFailedException(name, "boom"))
                    : blocking && name == StepNames.Preflight
                        ? new StepOutcome(StepStatus.Blocked, "not ready", []) : StepOutcome.Succeeded("ok", []));
            return step.Object;
        }).ToDictionary(s => s.Name);
        var pipeline = new SwitchPipeline(steps, _time, NullLogger<SwitchPipeline>.Instance);
        return new SwitchExecutor(_aws.State.Object, _aws.Audit.Object, pipeline,
            new OnCallNotifier(_aws.Sns.Object, NullLogger<OnCallNotifier>.Instance), _time, NullLogger<SwitchExecutor>.Instance);
    }
}
