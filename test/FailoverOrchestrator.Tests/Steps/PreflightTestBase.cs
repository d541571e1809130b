using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Steps;
using FailoverOrchestrator.Tests.TestSupport;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

/// <summary>Preflight's AWS reads answered as for a ready standby in us-west-2 by <see cref="Ready"/>; a test then changes
/// the one it is about.</summary>
public abstract class PreflightTestBase
{
    internal const string StandbyCheck = "a1b2c3d4-0000-4000-8000-000000000002";

    internal static HealthCheckStatus Healthy(int checkers) =>
        new(Enumerable.Range(0, checkers)
            .Select(i => new HealthCheckObservation("us-east-1", $"10.0.0.{i}", "Success: HTTP Status Code 200, OK")).ToList());

    internal static EcsService Service(string status) =>
        new("web", "arn:aws:ecs:us-west-2:111122223333:service/shop/web", status, 1, 1, 0,
            "arn:aws:ecs:us-west-2:111122223333:task-definition/web:7");

    internal AwsMocks Aws { get; } = new();

    internal void Ready()
    {
        Aws.Route53.Setup(r => r.GetHealthCheckStatusAsync(StandbyCheck, It.IsAny<CancellationToken>())).ReturnsAsync(Healthy(3));
        Aws.Ecs.Setup(e => e.DescribeServicesAsync(
                "us-west-2", "shop", It.Is<IReadOnlyList<string>>(s => s.SequenceEqual(new[] { "web" })), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new DescribeServicesResult([Service("ACTIVE")], []));
        Aws.Tables.Setup(t => t.GetTableStatusAsync("us-west-2", "shop-orders", It.IsAny<CancellationToken>())).ReturnsAsync("ACTIVE");
        Aws.Writer.Setup(w => w.ReadAsync(It.IsAny<string>(), "shop-control", "writer", It.IsAny<CancellationToken>()))
            .ReturnsAsync((WriterState?)null);
    }

    internal PreflightStep CreateSut() => new(Aws.Route53.Object, Aws.Ecs.Object, Aws.Tables.Object, Aws.Writer.Object);
}
