using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Steps;
using FailoverOrchestrator.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

public class TargetHealthyStepTests
{
    private const string StandbyCheck = "a1b2c3d4-0000-4000-8000-000000000002";
    private readonly AwsMocks _aws = new();
    private readonly FakeTimeProvider _time = StepContexts.Clock();

    [Fact]
    public async Task ExecuteAsync_TurnsHealthyAfterPolls_Succeeds()
    {
        var answers = new Queue<HealthCheckStatus>([Unhealthy(), Unhealthy(), PreflightTestBase.Healthy(3)]);
        _aws.Route53.Setup(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => answers.Dequeue());

        var outcome = await FakeClock.RunAsync(_time, () => CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None),
            TimeSpan.FromSeconds(1));

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
        Assert.Equal([$"route53:GetHealthCheckStatus HealthCheckId={StandbyCheck} x3"], outcome.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_StaysUnhealthyUnderBlock_FailsAfterTheWait()
    {
        _aws.Route53.Setup(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>())).ReturnsAsync(Unhealthy());
        var started = _time.GetUtcNow();

        var ex = await Assert.ThrowsAsync<StepFailedException>(() =>
            FakeClock.RunAsync(_time, () => CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None),
                TimeSpan.FromSeconds(1)));

        Assert.Equal(StepNames.TargetHealthy, ex.Step);
        Assert.Contains("after waiting 110 s; traffic stays where it is (policy Block)", ex.Message, StringComparison.Ordinal);
        Assert.InRange((_time.GetUtcNow() - started).TotalSeconds, 100, 110);
    }

    [Fact]
    public async Task ExecuteAsync_StaysUnhealthyUnderWarn_WarnsAndProceeds()
    {
        _aws.Route53.Setup(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>())).ReturnsAsync(Unhealthy());
        var context = StepContexts.Failover(TestConfig.Shop([new("Orchestrator:Apps:shop:PreflightPolicy", nameof(PreflightPolicy.Warn))]));

        var outcome =
            await FakeClock.RunAsync(_time, () => CreateSut().ExecuteAsync(context, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal(StepStatus.Warned, outcome.Status);
        Assert.Single(context.Warnings);
    }

    [Fact]
    public async Task ExecuteAsync_NoSuchHealthCheck_FailsAtOnce()
    {
        _aws.Route53.Setup(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                new AwsServiceException(
                "Route53", "GetHealthCheckStatus", System.Net.HttpStatusCode.NotFound, "NoSuchHealthCheck", "no such check", "r1"));

        var ex =
            await Assert.ThrowsAsync<StepFailedException>(() => CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None));

        Assert.Contains("NoSuchHealthCheck", ex.Message, StringComparison.Ordinal);
        _aws.Route53.Verify(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task ExecuteAsync_Failback_WaitsForThePrimary()
    {
        _aws.Route53.Setup(r => r.GetHealthCheckStatusAsync("a1b2c3d4-0000-4000-8000-000000000001", It.IsAny<CancellationToken>()))
            .ReturnsAsync(PreflightTestBase.Healthy(3));

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failback(), CancellationToken.None);

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
        _aws.Route53.Verify(r => r.GetHealthCheckStatusAsync("a1b2c3d4-0000-4000-8000-000000000001", It.IsAny<CancellationToken>()),
            Times.Once);
        _aws.VerifyNoCalls();
    }

    private static HealthCheckStatus Unhealthy() =>
        new([new("us-east-1", "1.1.1.1", "Failure: Connection refused"), new("eu-west-1", "2.2.2.2", "Failure: Connection refused")]);

    private TargetHealthyStep CreateSut() => new(_aws.Route53.Object, _time);
}
