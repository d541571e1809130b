using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Steps;
using FailoverOrchestrator.Tests.TestSupport;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

/// <summary>Preflight's AWS reads answered as for a ready standby in us-west-2; a test then changes the one it is about.</summary>
internal static class PreflightReads
{
    public const string StandbyCheck = "a1b2c3d4-0000-4000-8000-000000000002";

    public static HealthCheckStatus Healthy(int checkers) =>
        new(Enumerable.Range(0, checkers)
            .Select(i => new HealthCheckObservation("us-east-1", $"10.0.0.{i}", "Success: HTTP Status Code 200, OK")).ToList());

    public static EcsService Service(string status) =>
        new("web", "arn:aws:ecs:us-west-2:111122223333:service/shop/web", status, 1, 1, 0,
            "arn:aws:ecs:us-west-2:111122223333:task-definition/web:7");

    public static void Ready(AwsMocks aws)
    {
        aws.Route53.Setup(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>())).ReturnsAsync(Healthy(3));
        aws.Ecs.Setup(e => e.DescribeServicesAsync(
                "us-west-2", "shop", It.Is<IReadOnlyList<string>>(s => s.SequenceEqual(new[] { "web" })), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Service("ACTIVE")], []));
        aws.Tables.Setup(t => t.GetTableStatusAsync("us-west-2", "shop-orders", It.IsAny<CancellationToken>())).ReturnsAsync("ACTIVE");
        aws.Writer.Setup(w => w.ReadAsync(It.IsAny<string>(), "shop-control", "writer", It.IsAny<CancellationToken>()))
            .ReturnsAsync((WriterState?)null);
    }

    public static PreflightStep CreateSut(AwsMocks aws) => new(aws.Route53.Object, aws.Ecs.Object, aws.Tables.Object, aws.Writer.Object);
}
