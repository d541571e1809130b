using Amazon.DynamoDBv2;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Tests.TestSupport;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

/// <summary>Preflight as a whole: what it reads in the target region, and what it does with the problems it finds.</summary>
public class PreflightStepTests : PreflightTestBase
{
    [Fact]
    public async Task ExecuteAsync_StandbyReady_SucceedsReadingOnlyTheTargetRegion()
    {
        Ready();

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
        Assert.Equal(
            [
                "ecs:DescribeServices region=us-west-2 cluster=shop services=web",
                $"route53:GetHealthCheckStatus HealthCheckId={StandbyCheck}",
                "dynamodb:DescribeTable region=us-west-2 table=shop-orders",
                "dynamodb:GetItem region=us-west-2 table=shop-control pk=writer",
            ],
            outcome.Calls);
        Aws.Route53.Verify(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>()), Times.Once);
        Aws.Ecs.Verify(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()),
            Times.Once);
        Aws.Tables.Verify(t => t.GetTableStatusAsync("us-west-2", "shop-orders", It.IsAny<CancellationToken>()), Times.Once);
        Aws.Writer.Verify(w => w.ReadAsync("us-west-2", "shop-control", "writer", It.IsAny<CancellationToken>()), Times.Once);
        Aws.VerifyNoCalls();
    }

    [Fact]
    public async Task ExecuteAsync_Failback_ChecksThePrimary()
    {
        Ready();
        Aws.Route53.Setup(r => r.GetHealthCheckStatusAsync("a1b2c3d4-0000-4000-8000-000000000001", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Healthy(3));
        Aws.Ecs.Setup(e => e.DescribeServicesAsync("us-east-1", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Service("ACTIVE")], []));
        Aws.Tables.Setup(t => t.GetTableStatusAsync("us-east-1", "shop-orders", It.IsAny<CancellationToken>())).ReturnsAsync("ACTIVE");

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failback(), CancellationToken.None);

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
        Assert.Contains("ecs:DescribeServices region=us-east-1 cluster=shop services=web", outcome.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_ReadsFail_BlocksNamingEachError()
    {
        Aws.Route53.Setup(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                new AwsServiceException(
                "Route53", "GetHealthCheckStatus", System.Net.HttpStatusCode.NotFound, "NoSuchHealthCheck", "no such check", "r1"));
        Aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                new AwsServiceException(
                "ECS", "DescribeServices", System.Net.HttpStatusCode.BadRequest, "ClusterNotFoundException", "Cluster not found.", "r2"));
        Aws.Tables.Setup(t => t.GetTableStatusAsync("us-west-2", "shop-orders", It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                DynamoDbCalls.Translate("DescribeTable", new AmazonDynamoDBException("denied") { ErrorCode = "AccessDeniedException" }));
        Aws.Writer.Setup(w => w.ReadAsync("us-west-2", "shop-control", "writer", It.IsAny<CancellationToken>()))
            .ReturnsAsync((WriterState?)null);

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Blocked, outcome.Status);
        Assert.Contains("ClusterNotFoundException", outcome.Detail, StringComparison.Ordinal);
        Assert.Contains("AccessDeniedException", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_WarnPolicy_WarnsAndRecordsTheProblem()
    {
        Ready();
        Aws.Tables.Setup(t => t.GetTableStatusAsync("us-west-2", "shop-orders", It.IsAny<CancellationToken>())).ReturnsAsync("UPDATING");
        var app = TestConfig.Shop([new("Orchestrator:Apps:shop:PreflightPolicy", nameof(PreflightPolicy.Warn))]);
        var context = StepContexts.Failover(app);

        var outcome = await CreateSut().ExecuteAsync(context, CancellationToken.None);

        Assert.Equal(StepStatus.Warned, outcome.Status);
        Assert.Equal(["DynamoDB replica shop-orders in us-west-2 is UPDATING, not ACTIVE"], context.Warnings);
    }
}
