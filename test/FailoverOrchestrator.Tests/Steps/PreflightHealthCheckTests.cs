using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Tests.TestSupport;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

/// <summary>
/// Preflight's read of the target's Route 53 health check: healthy while serving, read even for a pilot light at zero
/// tasks.
/// </summary>
public class PreflightHealthCheckTests : PreflightTestBase
{
    [Fact]
    public async Task ExecuteAsync_PilotLightAtZeroTasks_SucceedsWithItsCheckUnhealthy()
    {
        Ready();
        Aws.Route53.Setup(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>())).ReturnsAsync(Healthy(0));
        Aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Service("ACTIVE") with { DesiredCount = 0, RunningCount = 0 }], []));

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        // A standby with no task is unhealthy by design; TargetHealthy waits for its health after the scale-up. The
        // read is still made for a record change: it proves the Route 53 API answers before anything is scaled.
        Assert.Equal(StepStatus.Succeeded, outcome.Status);
        Assert.Contains($"route53:GetHealthCheckStatus HealthCheckId={StandbyCheck}", outcome.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_PilotLightRoute53ApiDark_BlocksNamingTheApiBeforeAnyChange()
    {
        Ready();
        Aws.Route53.Setup(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                new AwsServiceException(
                "Route53", "GetHealthCheckStatus", (System.Net.HttpStatusCode)0, "NetworkError", "Connection refused", null));
        Aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Service("ACTIVE") with { DesiredCount = 0, RunningCount = 0 }], []));

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Blocked, outcome.Status);
        Assert.Contains("the Route 53 API (route53.amazonaws.com, a control plane served from us-east-1) did not answer (NetworkError)",
            outcome.Detail, StringComparison.Ordinal);
        Aws.Ecs.Verify(e =>
            e.UpdateServiceAsync(
            It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ExecuteAsync_HealthCheckUnhealthy_Blocks()
    {
        Ready();
        Aws.Route53.Setup(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>()))
            .ReturnsAsync(
                new HealthCheckStatus(
                [new("us-east-1", "1.1.1.1", "Failure: timeout"), new("eu-west-1", "2.2.2.2", "Failure: timeout"),
                new("ap-southeast-1", "3.3.3.3", "Failure: timeout")]));

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Blocked, outcome.Status);
        Assert.Contains($"health check {StandbyCheck} is unhealthy although its tasks run (0 of 3 checkers report success)", outcome.Detail,
            StringComparison.Ordinal);
    }

    [Fact]
    public void IsHealthy_FewerThanEighteenPercentSuccess_Unhealthy()
    {
        var observations = Enumerable.Range(0, 16)
            .Select(i => new HealthCheckObservation("r", $"ip{i}", i < 2 ? "Success: 200" : "Failure: 503")).ToList();

        Assert.False(new HealthCheckStatus(observations).IsHealthy);
        Assert.True(
            new HealthCheckStatus(observations.Select((o, i) => i < 3 ? o with { Status = "Success: 200" } : o).ToList()).IsHealthy);
        Assert.False(new HealthCheckStatus([]).IsHealthy);
    }
}
