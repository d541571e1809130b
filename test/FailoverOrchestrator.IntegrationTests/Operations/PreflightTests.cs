using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.IntegrationTests.Operations;

public class PreflightTests
{
    private const string Standby = "us-west-2";

    [Fact]
    public async Task HandleAsync_StandbyHealthCheckUnhealthy_BlocksAndChangesNothing()
    {
        await using var world = await WorldHarness.StartAsync();
        world.Cloud.Route53.SetHealthCheckStatus(world.App.Regions[Standby].HealthCheckId, healthy: false);

        await AssertBlockedAsync(world, $"health check {world.App.Regions[Standby].HealthCheckId} is unhealthy");
    }

    [Fact]
    public async Task HandleAsync_StandbyEcsServiceDraining_BlocksAndChangesNothing()
    {
        await using var world = await WorldHarness.StartAsync();
        world.Cloud.Ecs.SetStatus(Standby, "shop", "web", "DRAINING");

        await AssertBlockedAsync(world, "ECS service shop/web is DRAINING, not ACTIVE");
    }

    [Fact]
    public async Task HandleAsync_StandbyEcsServiceMissing_BlocksAndChangesNothing()
    {
        await using var world = await WorldHarness.StartAsync();
        Assert.True(world.Cloud.Ecs.RemoveService(Standby, "shop", "web"));

        await AssertBlockedAsync(world, $"ECS service shop/web does not exist in {Standby}");
    }

    [Fact]
    public async Task HandleAsync_GlobalTableReplicaMissing_BlocksAndChangesNothing()
    {
        await using var world = await WorldHarness.StartAsync();
        await world.World.DynamoDb(Standby).DeleteTableAsync(new DeleteTableRequest { TableName = "shop-orders" });

        await AssertBlockedAsync(world, $"DynamoDB table shop-orders has no replica in {Standby}");
    }

    [Fact]
    public async Task HandleAsync_WarnPolicyWithUnhealthyStandby_FailsOverAndSaysSo()
    {
        await using var world = await WorldHarness.StartAsync([new("Orchestrator:Apps:shop:PreflightPolicy", "Warn")]);
        world.Cloud.Route53.SetHealthCheckStatus(world.App.Regions[Standby].HealthCheckId, healthy: false);

        var (result, error) = await world.InvokeAsync(world.Alarm());

        Assert.Null(error);
        Assert.Equal(Outcome.FailedOver, result!.Outcome);
        var preflight = result.Steps.Single(s => s.Name == "Preflight");
        Assert.Equal(StepStatus.Warned, preflight.Status);
        Assert.Contains("policy Warn: proceeding", preflight.Detail);
        Assert.Contains("warnings: health check", result.Reason);
        var record = world.Cloud.Route53.FindRecord(world.App.Dns.HostedZoneId, "api.example.com.", "A")!;
        Assert.Equal("shop-usw2-456.us-west-2.elb.amazonaws.com.", record.AliasTarget!.DnsName);
        var message = Assert.Single(world.Cloud.Sns.GetMessages());
        Assert.Contains("Warned", message.Message);
        Assert.Contains("is unhealthy", message.Message);
    }

    private static async Task AssertBlockedAsync(WorldHarness world, string expectedProblem)
    {
        var before = await WorldSnapshot.TakeAsync(world);

        var (result, error) = await world.InvokeAsync(world.Alarm());

        Assert.Null(error);
        Assert.Equal(Outcome.Blocked, result!.Outcome);
        Assert.Contains(expectedProblem, result.Reason);
        Assert.Equal("us-east-1", result.ActiveRegion);
        Assert.Equal(StepStatus.Blocked, result.Steps[0].Status);
        Assert.All(result.Steps.Skip(1), s => Assert.Equal(StepStatus.NotRun, s.Status));
        var after = await WorldSnapshot.TakeAsync(world);
        Assert.Equal(before.Records, after.Records);
        Assert.Equal(before.Services, after.Services);
        Assert.Equal(before.Writer, after.Writer);
        Assert.Equal(0, after.Changes);
        var message = Assert.Single(world.Cloud.Sns.GetMessages());
        Assert.Equal("[failover] Blocked shop -> us-west-2", message.Subject);
        Assert.Contains(expectedProblem, message.Message);
        var status = (await world.InvokeAsync(WorldHarness.Command("status"))).Result!;
        Assert.Equal(("Steady", "us-east-1"), (status.Status!.Phase, status.ActiveRegion));
    }
}
