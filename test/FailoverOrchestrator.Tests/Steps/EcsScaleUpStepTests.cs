using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Steps;
using FailoverOrchestrator.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

public class EcsScaleUpStepTests
{
    private readonly AwsMocks _aws = new();
    private readonly FakeTimeProvider _time = StepContexts.Clock();

    [Fact]
    public async Task ExecuteAsync_StandbyAtPilotLight_UpdatesToActiveCountThenWaitsForRunning()
    {
        var running = new Queue<int>([1, 1, 2, 4]);
        var desired = 1;
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new DescribeServicesResult([Web(desired, running.Count > 1 ? running.Dequeue() : running.Peek())], []));
        _aws.Ecs.Setup(e => e.UpdateServiceAsync("us-west-2", "shop", "web", 4, It.IsAny<CancellationToken>()))
            .Callback(() => desired = 4)
            .ReturnsAsync(Web(4, 1));

        var outcome = await StepContexts.AdvanceUntilDone(_time, CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None));

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
        _aws.Ecs.Verify(e => e.UpdateServiceAsync("us-west-2", "shop", "web", 4, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal("ecs:UpdateService region=us-west-2 cluster=shop service=web desiredCount=4", outcome.Calls[1]);
        Assert.Equal(4, outcome.Calls.Count(c => c.StartsWith("ecs:DescribeServices", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ExecuteAsync_AlreadyAtActiveCountAndRunning_UnchangedWithoutUpdate()
    {
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Web(4, 4)], []));

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Unchanged, outcome.Status);
        _aws.Ecs.Verify(e =>
            e.UpdateServiceAsync(
            It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ExecuteAsync_Failback_ScalesThePrimary()
    {
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-east-1", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Web(1, 1)], []));
        _aws.Ecs.Setup(e => e.UpdateServiceAsync("us-east-1", "shop", "web", 4, It.IsAny<CancellationToken>())).ReturnsAsync(Web(4, 1));
        var calls = 0;
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-east-1", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new DescribeServicesResult([calls++ == 0 ? Web(1, 1) : Web(4, 4)], []));

        var outcome = await StepContexts.AdvanceUntilDone(_time, CreateSut().ExecuteAsync(StepContexts.Failback(), CancellationToken.None));

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
        _aws.Ecs.Verify(e => e.UpdateServiceAsync("us-east-1", "shop", "web", 4, It.IsAny<CancellationToken>()), Times.Once);
        _aws.Ecs.Verify(e =>
            e.UpdateServiceAsync("us-west-2", It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>()),
            Times.Never);
    }

    [Fact]
    public async Task ExecuteAsync_NeverRunning_FailsAfterTheWaitNamingTheService()
    {
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Web(4, 2)], []));

        var ex = await Assert.ThrowsAsync<StepFailedException>(() =>
            StepContexts.AdvanceUntilDone(_time, CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None)));

        Assert.Equal(StepNames.EcsScaleUp, ex.Step);
        Assert.Contains("timed out after 90s waiting for running tasks in us-west-2: shop/web running 2 of 4 needed", ex.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_HalfShare_PassesAtHalfRunning()
    {
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Web(4, 2)], []));
        var app = TestConfig.Shop([new("Orchestrator:Apps:shop:RunningShare", "0.5")]);

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(app), CancellationToken.None);

        Assert.Equal(StepStatus.Unchanged, outcome.Status);
    }

    [Fact]
    public async Task ExecuteAsync_ServiceMissing_FailsWithEcsReason()
    {
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([], [new("arn:aws:ecs:us-west-2:111122223333:service/shop/web", "MISSING")]));

        var ex =
            await Assert.ThrowsAsync<StepFailedException>(() => CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None));

        Assert.Contains("(MISSING)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlanAsync_ListsUpdateWithoutCalling()
    {
        var outcome = await CreateSut().PlanAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Planned, outcome.Status);
        Assert.Equal("ecs:UpdateService region=us-west-2 cluster=shop service=web desiredCount=4", outcome.Calls[0]);
        _aws.VerifyNoCalls();
    }

    [Fact]
    public async Task ScaleDown_AfterFailback_SetsStandbyCountsWithoutWaiting()
    {
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Web(4, 4)], []));
        _aws.Ecs.Setup(e => e.UpdateServiceAsync("us-west-2", "shop", "web", 1, It.IsAny<CancellationToken>())).ReturnsAsync(Web(1, 4));

        var outcome = await new EcsScaleDownStep(_aws.Ecs.Object, _time).ExecuteAsync(StepContexts.Failback(), CancellationToken.None);

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
        _aws.Ecs.Verify(e => e.UpdateServiceAsync("us-west-2", "shop", "web", 1, It.IsAny<CancellationToken>()), Times.Once);
    }

    private static EcsService Web(int desired, int running) =>
        new("web", "arn:aws:ecs:us-west-2:111122223333:service/shop/web", "ACTIVE", desired, running, desired - running);

    private EcsScaleUpStep CreateSut() => new(_aws.Ecs.Object, _time);
}
