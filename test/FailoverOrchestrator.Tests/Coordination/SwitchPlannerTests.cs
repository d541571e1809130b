using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Hosting;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Tests.Steps;
using FailoverOrchestrator.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FailoverOrchestrator.Tests.Coordination;

public class SwitchPlannerTests
{
    private readonly AwsMocks _aws = new();

    [Fact]
    public async Task InvokeAsync_PlanCommand_ListsEveryStepsCallsAndOnlyReads()
    {
        var audit = _aws.RecordAudit();
        _aws.State.Setup(s => s.GetAsync("shop", It.IsAny<CancellationToken>())).ReturnsAsync((AppState?)null);
        _aws.Route53.Setup(r => r.GetHealthCheckStatusAsync("a1b2c3d4-0000-4000-8000-000000000002", It.IsAny<CancellationToken>()))
            .ReturnsAsync(PreflightTestBase.Healthy(3));
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-west-2", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(
                new DescribeServicesResult(
                [new EcsService("web", "arn", "ACTIVE", 1, 1, 0, "arn:aws:ecs:us-west-2:111122223333:task-definition/web:7")], []));
        _aws.Tables.Setup(t => t.GetTableStatusAsync("us-west-2", "shop-orders", It.IsAny<CancellationToken>())).ReturnsAsync("ACTIVE");
        _aws.Writer.Setup(w => w.ReadAsync("us-west-2", "shop-control", "writer", It.IsAny<CancellationToken>()))
            .ReturnsAsync((WriterState?)null);
        _aws.Route53.Setup(r => r.ListResourceRecordSetsAsync("Z111111QQQQQQQ", "api.example.com.", "A", 1, It.IsAny<CancellationToken>()))
            .ReturnsAsync(
                [new ResourceRecordSet("api.example.com.", "A",
                new AliasTarget("Z35SXDOTRQ7X7K", "shop-use1-123.us-east-1.elb.amazonaws.com.", true), null, [])]);

        var result = await CreateSut().InvokeAsync(TestConfig.Event("command-plan.json"), CancellationToken.None);

        Assert.Equal(Outcome.Planned, result.Outcome);
        Assert.Equal(("us-east-1", "us-west-2"), (result.ActiveRegion, result.TargetRegion));
        Assert.Equal(["Preflight", "EcsScaleUp", "TargetHealthy", "PromoteWriter", "DnsUpsert", "SnsNotify", "AuditLog"],
            result.Steps.Select(s => s.Name));
        Assert.All(result.Steps, s => Assert.Equal(StepStatus.Planned, s.Status));
        var calls = result.Steps.SelectMany(s => s.Calls!).ToList();
        Assert.Contains("ecs:UpdateService region=us-west-2 cluster=shop service=web desiredCount=4", calls);
        Assert.Contains(calls, c =>
            c.StartsWith(
            "dynamodb:PutItem region=us-west-2 table=shop-control pk=writer writerRegion=us-west-2 epoch=1", StringComparison.Ordinal));
        Assert.Contains(calls, c =>
            c.StartsWith(
            "route53:ChangeResourceRecordSets zone=Z111111QQQQQQQ DELETE api.example.com. A alias shop-use1-123",
            StringComparison.Ordinal));
        Assert.Contains("sns:Publish topic=arn:aws:sns:us-west-2:111122223333:shop-failover", calls);
        Assert.Equal("Planned", Assert.Single(audit).Kind);
        _aws.Ecs.Verify(e =>
            e.UpdateServiceAsync(
            It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<int>(), It.IsAny<CancellationToken>()), Times.Never);
        _aws.Route53.Verify(r =>
            r.ChangeResourceRecordSetsAsync(It.IsAny<string>(), It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()), Times.Never);
        _aws.Writer.Verify(w =>
            w.PromoteAsync(
            It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<long>(), It.IsAny<string>(),
            It.IsAny<CancellationToken>()), Times.Never);
        _aws.Sns.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task InvokeAsync_PlanWhileFailedOver_PlansTheFailback()
    {
        _aws.RecordAudit();
        _aws.State.Setup(s => s.GetAsync("shop", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AppState { App = "shop", ActiveRegion = "us-west-2", Phase = Phase.Steady, Epoch = 2 });
        _aws.Route53.Setup(r => r.GetHealthCheckStatusAsync("a1b2c3d4-0000-4000-8000-000000000001", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new HealthCheckStatus([]));
        _aws.Ecs.Setup(e => e.DescribeServicesAsync("us-east-1", "shop", It.IsAny<IReadOnlyList<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(
                new DescribeServicesResult(
                [new EcsService("web", "arn", "ACTIVE", 1, 1, 0, "arn:aws:ecs:us-west-2:111122223333:task-definition/web:7")], []));
        _aws.Tables.Setup(t => t.GetTableStatusAsync("us-east-1", "shop-orders", It.IsAny<CancellationToken>())).ReturnsAsync("ACTIVE");
        _aws.Writer.Setup(w => w.ReadAsync("us-east-1", "shop-control", "writer", It.IsAny<CancellationToken>()))
            .ReturnsAsync((WriterState?)null);
        _aws.Route53.Setup(r => r.ListResourceRecordSetsAsync("Z111111QQQQQQQ", "api.example.com.", "A", 1, It.IsAny<CancellationToken>()))
            .ReturnsAsync([]);

        var result = await CreateSut().InvokeAsync("""{"command":"plan","app":"shop"}"""u8.ToArray(), CancellationToken.None);

        Assert.Equal(Outcome.Planned, result.Outcome);
        Assert.Equal("us-east-1", result.TargetRegion);
        Assert.Equal(StepStatus.Blocked, result.Steps[0].Status);
        Assert.Contains("preflight would block", result.Reason, StringComparison.Ordinal);
        Assert.Contains(result.Steps, s => s.Name == "EcsScaleDown");
    }

    private OrchestratorHost CreateSut() => new(TestConfig.Load(), _aws.Dependencies, StepContexts.Clock(), NullLoggerFactory.Instance);
}
