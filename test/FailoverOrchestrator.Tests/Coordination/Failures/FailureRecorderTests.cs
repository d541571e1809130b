using FailoverOrchestrator.Coordination.Failures;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Tests.TestSupport;
using Moq;

namespace FailoverOrchestrator.Tests.Coordination.Failures;

/// <summary>
/// Recording a failed attempt (<see cref="FailoverOrchestrator.Coordination.Failures.FailureRecorder"/>): released for
/// Lambda's retry or Failed after the last attempt, paged, thrown; a deadline recorded with a token of its own.
/// </summary>
public sealed class FailureRecorderTests : SwitchExecutorTestBase
{
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
}
