using FailoverOrchestrator.Coordination.Failures;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Tests.TestSupport;
using Moq;

namespace FailoverOrchestrator.Tests.Coordination.Execution;

/// <summary>
/// Running an execution whose lease is held (<see cref="FailoverOrchestrator.Coordination.Execution.ExecutionRunner"/>):
/// every step checkpointed and committed, a takeover resumed after its checkpoint, a lost lease that stops the holder,
/// attempts spent by crashes, and a blocked preflight abandoned with nothing changed.
/// </summary>
public sealed class ExecutionRunnerTests : SwitchExecutorTestBase
{
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
}
