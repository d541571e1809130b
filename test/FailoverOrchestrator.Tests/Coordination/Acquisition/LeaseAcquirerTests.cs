using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Tests.TestSupport;
using FailoverOrchestrator.Triggers;
using Moq;

namespace FailoverOrchestrator.Tests.Coordination.Acquisition;

/// <summary>
/// Taking the lease (<see cref="FailoverOrchestrator.Coordination.Acquisition.LeaseAcquirer"/>): the request it sends, an
/// acquisition whose answer was lost recognised as ours, and when a live lease elsewhere is waited out or answered at once.
/// </summary>
public sealed class LeaseAcquirerTests : SwitchExecutorTestBase
{
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

        var result = await FakeClock.RunAsync(_time, () =>
            CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None), TimeSpan.FromSeconds(1));

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

        var result = await FakeClock.RunAsync(_time, () =>
            CreateSut().RunAsync(_alarm, TestConfig.Shop(), SwitchDirection.Failover, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal(Outcome.FailedOver, result.Outcome);
        Assert.DoesNotContain(StepNames.Preflight, _ran);
        Assert.True(_time.GetUtcNow() >= dead.LeaseExpiresAt);
    }
}
