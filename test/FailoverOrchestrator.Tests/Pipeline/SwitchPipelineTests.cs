using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FailoverOrchestrator.Tests.Pipeline;

public class SwitchPipelineTests
{
    private readonly List<string> _ran = [];
    private readonly Mock<IPipelineObserver> _observer = new();

    [Fact]
    public async Task ExecuteAsync_DefaultOrder_RunsCapacityBeforeTraffic()
    {
        var run = await CreateSut().ExecuteAsync(StepContexts.Failover(), [], _observer.Object, CancellationToken.None);

        Assert.False(run.Blocked);
        Assert.Equal(["Preflight", "EcsScaleUp", "TargetHealthy", "PromoteWriter", "DnsUpsert", "SnsNotify", "AuditLog"], _ran);
        _observer.Verify(o => o.StepCompletedAsync(It.IsAny<StepResult>(), It.IsAny<CancellationToken>()), Times.Exactly(7));
    }

    [Fact]
    public void StepsFor_AnyApp_EveryStepTheResultReports()
    {
        // A "FAILED OVER" result needs capacity, health, the writer and the record: the order is not configurable.
        var names = CreateSut().StepsFor(TestConfig.Shop(), SwitchDirection.Failover).Select(s => s.Name);

        Assert.Equal(StepNames.DefaultOrder, names);
    }

    [Fact]
    public async Task ExecuteAsync_Failback_AddsScaleDownAfterDnsWhenConfigured()
    {
        var context = StepContexts.Failback();

        await CreateSut().ExecuteAsync(context, [], _observer.Object, CancellationToken.None);

        Assert.Equal(["Preflight", "EcsScaleUp", "TargetHealthy", "PromoteWriter", "DnsUpsert", "EcsScaleDown", "SnsNotify", "AuditLog"],
            _ran);
    }

    [Fact]
    public async Task ExecuteAsync_Checkpoint_SkipsCompletedStepsAndRunsTheRest()
    {
        var context = StepContexts.Failover();

        await CreateSut().ExecuteAsync(context, ["Preflight", "EcsScaleUp", "TargetHealthy"], _observer.Object, CancellationToken.None);

        Assert.Equal(["PromoteWriter", "DnsUpsert", "SnsNotify", "AuditLog"], _ran);
        Assert.Equal([StepStatus.SkippedCompleted, StepStatus.SkippedCompleted, StepStatus.SkippedCompleted],
            context.Timeline.Take(3).Select(s => s.Status));
    }

    [Fact]
    public async Task ExecuteAsync_StepThrows_MarksRestNotRunNotifiesObserverAndThrows()
    {
        var context = StepContexts.Failover();

        var ex = await Assert.ThrowsAsync<StepFailedException>(() =>
            CreateSut(failing: "PromoteWriter").ExecuteAsync(context, [], _observer.Object, CancellationToken.None));

        Assert.Equal("PromoteWriter", ex.Step);
        Assert.Equal(["Preflight", "EcsScaleUp", "TargetHealthy", "PromoteWriter"], _ran);
        Assert.Equal(
            [StepStatus.Succeeded, StepStatus.Succeeded, StepStatus.Succeeded, StepStatus.Failed, StepStatus.NotRun, StepStatus.NotRun,
                StepStatus.NotRun],
            context.Timeline.Select(s => s.Status));
        _observer.Verify(o =>
            o.StepFailedAsync(It.Is<StepResult>(r => r.Name == "PromoteWriter"), It.IsAny<Exception>(), It.IsAny<CancellationToken>()),
            Times.Once);
        _observer.Verify(o => o.StepCompletedAsync(It.IsAny<StepResult>(), It.IsAny<CancellationToken>()), Times.Exactly(3));
    }

    [Fact]
    public async Task ExecuteAsync_CheckpointFails_StopsBeforeTheNextStep()
    {
        _observer.Setup(o => o.StepCompletedAsync(It.Is<StepResult>(r => r.Name == "EcsScaleUp"), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new FailoverOrchestrator.State.LeaseLostException("shop", 7));

        await Assert.ThrowsAsync<FailoverOrchestrator.State.LeaseLostException>(() =>
            CreateSut().ExecuteAsync(StepContexts.Failover(), [], _observer.Object, CancellationToken.None));

        Assert.Equal(["Preflight", "EcsScaleUp"], _ran);
    }

    [Fact]
    public async Task ExecuteAsync_PreflightBlocks_StopsWithNothingElseRun()
    {
        var context = StepContexts.Failover();

        var run = await CreateSut(blocking: true).ExecuteAsync(context, [], _observer.Object, CancellationToken.None);

        Assert.True(run.Blocked);
        Assert.Equal(["Preflight"], _ran);
        Assert.All(context.Timeline.Skip(1), s => Assert.Equal(StepStatus.NotRun, s.Status));
        _observer.Verify(o => o.StepCompletedAsync(It.IsAny<StepResult>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task PlanAsync_ListsEveryStepsCallsWithoutExecuting()
    {
        var context = StepContexts.Failover();

        var run = await CreateSut().PlanAsync(context, CancellationToken.None);

        Assert.False(run.Blocked);
        Assert.Empty(_ran);
        Assert.Equal(7, context.Timeline.Count);
        Assert.All(context.Timeline, s => Assert.Equal([$"plan:{s.Name}"], s.Calls));
    }

    private SwitchPipeline CreateSut(string? failing = null, bool blocking = false)
    {
        var steps = StepNames.All.Select(name =>
        {
            var step = new Mock<IFailoverStep>();
            step.SetupGet(s => s.Name).Returns(name);
            step.Setup(s => s.ExecuteAsync(It.IsAny<StepContext>(), It.IsAny<CancellationToken>()))
                .Callback(() => _ran.Add(name))
                .ReturnsAsync(() => name == failing
                    ? throw new InvalidOperationException($"{name} broke")
                    : blocking && name == StepNames.Preflight
                        ? new StepOutcome(StepStatus.Blocked, "not ready", []) : StepOutcome.Succeeded("ok", [name]));
            step.Setup(s => s.PlanAsync(It.IsAny<StepContext>(), It.IsAny<CancellationToken>()))
                .ReturnsAsync(StepOutcome.Planned("would", [$"plan:{name}"]));
            return step.Object;
        });
        return new SwitchPipeline(steps.ToDictionary(s => s.Name), StepContexts.Clock(), NullLogger<SwitchPipeline>.Instance);
    }
}
