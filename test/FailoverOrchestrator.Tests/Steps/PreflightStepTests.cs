using Amazon.DynamoDBv2;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Steps;
using FailoverOrchestrator.Tests.TestSupport;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

public class PreflightStepTests
{
    private const string StandbyCheck = "a1b2c3d4-0000-4000-8000-000000000002";
    private readonly AwsMocks _aws = new();

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
        _aws.Route53.Verify(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>()), Times.Once);
        _aws.Ecs.Verify(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()),
            Times.Once);
        _aws.Tables.Verify(t => t.GetTableStatusAsync("us-west-2", "shop-orders", It.IsAny<CancellationToken>()), Times.Once);
        _aws.Writer.Verify(w => w.ReadAsync("us-west-2", "shop-control", "writer", It.IsAny<CancellationToken>()), Times.Once);
        _aws.VerifyNoCalls();
    }

    [Fact]
    public async Task ExecuteAsync_PilotLightAtZeroTasks_SucceedsWithItsCheckUnhealthy()
    {
        Ready();
        _aws.Route53.Setup(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>())).ReturnsAsync(Healthy(0));
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
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
        _aws.Route53.Setup(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                new AwsServiceException(
                "Route53", "GetHealthCheckStatus", (System.Net.HttpStatusCode)0, "NetworkError", "Connection refused", null));
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Service("ACTIVE") with { DesiredCount = 0, RunningCount = 0 }], []));

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Blocked, outcome.Status);
        Assert.Contains("the Route 53 API (route53.amazonaws.com, a control plane served from us-east-1) did not answer (NetworkError)",
            outcome.Detail, StringComparison.Ordinal);
        _aws.Ecs.Verify(e =>
            e.UpdateServiceAsync(
            It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ExecuteAsync_ServiceWithoutTaskDefinition_Blocks()
    {
        Ready();
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Service("ACTIVE") with { RunningCount = 0, TaskDefinition = null }], []));

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Blocked, outcome.Status);
        Assert.Contains("ECS service shop/web in us-west-2 has no task definition to start", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_WriterTableUnreachable_Blocks()
    {
        Ready();
        _aws.Writer.Setup(w => w.ReadAsync("us-west-2", "shop-control", "writer", It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                DynamoDbCalls.Translate(
                "GetItem", new AmazonDynamoDBException("Requested resource not found") { ErrorCode = "ResourceNotFoundException" }));

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Blocked, outcome.Status);
        Assert.Contains("writer-control table shop-control could not be read in us-west-2: ResourceNotFoundException", outcome.Detail,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_Failback_ChecksThePrimary()
    {
        Ready();
        _aws.Route53.Setup(r => r.GetHealthCheckStatusAsync("a1b2c3d4-0000-4000-8000-000000000001", It.IsAny<CancellationToken>()))
            .ReturnsAsync(Healthy(3));
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-east-1", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Service("ACTIVE")], []));
        _aws.Tables.Setup(t => t.GetTableStatusAsync("us-east-1", "shop-orders", It.IsAny<CancellationToken>())).ReturnsAsync("ACTIVE");

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failback(), CancellationToken.None);

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
        Assert.Contains("ecs:DescribeServices region=us-east-1 cluster=shop services=web", outcome.Calls);
    }

    [Fact]
    public async Task ExecuteAsync_HealthCheckUnhealthy_Blocks()
    {
        Ready();
        _aws.Route53.Setup(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>()))
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
    public async Task ExecuteAsync_ServiceMissing_Blocks()
    {
        Ready();
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
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
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Service("DRAINING")], []));

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Contains("ECS service shop/web is DRAINING, not ACTIVE", outcome.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATING", "DynamoDB replica shop-orders in us-west-2 is UPDATING, not ACTIVE")]
    [InlineData(null, "DynamoDB table shop-orders has no replica in us-west-2")]
    public async Task ExecuteAsync_ReplicaNotActive_Blocks(string? status, string expected)
    {
        Ready();
        _aws.Tables.Setup(t => t.GetTableStatusAsync("us-west-2", "shop-orders", It.IsAny<CancellationToken>())).ReturnsAsync(status);

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Blocked, outcome.Status);
        Assert.Contains(expected, outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_ReadsFail_BlocksNamingEachError()
    {
        _aws.Route53.Setup(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                new AwsServiceException(
                "Route53", "GetHealthCheckStatus", System.Net.HttpStatusCode.NotFound, "NoSuchHealthCheck", "no such check", "r1"));
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                new AwsServiceException(
                "ECS", "DescribeServices", System.Net.HttpStatusCode.BadRequest, "ClusterNotFoundException", "Cluster not found.", "r2"));
        _aws.Tables.Setup(t => t.GetTableStatusAsync("us-west-2", "shop-orders", It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                DynamoDbCalls.Translate("DescribeTable", new AmazonDynamoDBException("denied") { ErrorCode = "AccessDeniedException" }));
        _aws.Writer.Setup(w => w.ReadAsync("us-west-2", "shop-control", "writer", It.IsAny<CancellationToken>()))
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
        _aws.Tables.Setup(t => t.GetTableStatusAsync("us-west-2", "shop-orders", It.IsAny<CancellationToken>())).ReturnsAsync("UPDATING");
        var app = TestConfig.Shop([new("Orchestrator:Apps:shop:PreflightPolicy", nameof(PreflightPolicy.Warn))]);
        var context = StepContexts.Failover(app);

        var outcome = await CreateSut().ExecuteAsync(context, CancellationToken.None);

        Assert.Equal(StepStatus.Warned, outcome.Status);
        Assert.Equal(["DynamoDB replica shop-orders in us-west-2 is UPDATING, not ACTIVE"], context.Warnings);
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

    internal static HealthCheckStatus Healthy(int checkers) =>
        new(
            Enumerable.Range(
            0, checkers).Select(i => new HealthCheckObservation("us-east-1", $"10.0.0.{i}", "Success: HTTP Status Code 200, OK")).ToList());

    private static EcsService Service(string status) =>
        new("web", "arn:aws:ecs:us-west-2:111122223333:service/shop/web", status, 1, 1, 0,
            "arn:aws:ecs:us-west-2:111122223333:task-definition/web:7");

    private void Ready()
    {
        _aws.Route53.Setup(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>())).ReturnsAsync(Healthy(3));
        _aws.Ecs.Setup(e =>
            e.DescribeServicesAsync(
            "us-west-2", "shop", It.Is<IReadOnlyList<string>>(s => s.SequenceEqual(new[] { "web" })), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Service("ACTIVE")], []));
        _aws.Tables.Setup(t => t.GetTableStatusAsync("us-west-2", "shop-orders", It.IsAny<CancellationToken>())).ReturnsAsync("ACTIVE");
        _aws.Writer.Setup(w => w.ReadAsync(It.IsAny<string>(), "shop-control", "writer", It.IsAny<CancellationToken>()))
            .ReturnsAsync((WriterState?)null);
    }

    private PreflightStep CreateSut() => new(_aws.Route53.Object, _aws.Ecs.Object, _aws.Tables.Object, _aws.Writer.Object);
}
