using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Tests.TestSupport;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

/// <summary>Preflight's read of the target's ECS services: each must exist, be ACTIVE and have a task definition to start.</summary>
public class PreflightServiceTests : PreflightTestBase
{
    [Fact]
    public async Task ExecuteAsync_ServiceWithoutTaskDefinition_Blocks()
    {
        Ready();
        Aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Service("ACTIVE") with { RunningCount = 0, TaskDefinition = null }], []));

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Blocked, outcome.Status);
        Assert.Contains("ECS service shop/web in us-west-2 has no task definition to start", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ServiceMissing_Blocks()
    {
        Ready();
        Aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(
                new DescribeServicesResult([], [new EcsFailure("arn:aws:ecs:us-west-2:111122223333:service/shop/web", "MISSING")]));

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Blocked, outcome.Status);
        Assert.Contains("ECS service shop/web does not exist in us-west-2", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ServiceDraining_Blocks()
    {
        Ready();
        Aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Service("DRAINING")], []));

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Contains("ECS service shop/web is DRAINING, not ACTIVE", outcome.Detail, StringComparison.Ordinal);
    }
}
