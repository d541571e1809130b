using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.IntegrationTests.Operations;

public class PlanTests
{
    public static TheoryData<string> DryRuns => new()
    {
        WorldHarness.Command("plan"),
        WorldHarness.Command("failover", "\"dryRun\":true"),
    };

    [Theory]
    [MemberData(nameof(DryRuns))]
    public async Task HandleAsync_DryRun_ListsTheCallsAndChangesNothing(string payload)
    {
        await using var world = await WorldHarness.StartAsync();
        var before = await WorldSnapshot.TakeAsync(world);

        var (result, error) = await world.InvokeAsync(payload);

        Assert.Null(error);
        Assert.Equal(Outcome.Planned, result!.Outcome);
        Assert.Equal(["Preflight", "EcsScaleUp", "TargetHealthy", "PromoteWriter", "DnsUpsert", "SnsNotify", "AuditLog"],
            result.Steps.Select(s => s.Name));
        Assert.All(result.Steps, s => Assert.Equal(StepStatus.Planned, s.Status));
        var calls = result.Steps.SelectMany(s => s.Calls ?? []).ToList();
        Assert.Contains("ecs:UpdateService region=us-west-2 cluster=shop service=web desiredCount=4", calls);
        Assert.Contains(calls, c => c.StartsWith("route53:ChangeResourceRecordSets zone=", StringComparison.Ordinal)
            && c.Contains("shop-usw2-456.us-west-2.elb.amazonaws.com"));
        Assert.Contains(calls, c =>
            c.StartsWith("dynamodb:PutItem region=us-west-2 table=shop-control pk=writer", StringComparison.Ordinal));
        // Preflight read for real: these reads reached LocalCloud.
        Assert.Equal(1, world.Cloud.Calls.Count(LocalService.Route53, "GetHealthCheckStatus"));
        Assert.Equal(1, world.Cloud.Calls.Count(LocalService.Ecs, "DescribeServices"));
        var after = await WorldSnapshot.TakeAsync(world);
        Assert.Equal(before with { AuditItems = before.AuditItems + 1 }, after);
        Assert.Empty(world.Cloud.Sns.GetMessages());
    }

    [Fact]
    public async Task HandleAsync_PlanWithStandbyUnhealthy_SaysPreflightWouldBlockAndChangesNothing()
    {
        await using var world = await WorldHarness.StartAsync();
        world.Cloud.Route53.SetHealthCheckStatus(world.App.Regions["us-west-2"].HealthCheckId, healthy: false);
        var before = await WorldSnapshot.TakeAsync(world);

        var (result, _) = await world.InvokeAsync(WorldHarness.Command("plan"));

        Assert.Equal(Outcome.Planned, result!.Outcome);
        Assert.Equal(StepStatus.Blocked, result.Steps[0].Status);
        Assert.Contains("preflight would block", result.Reason);
        Assert.Equal(before with { AuditItems = before.AuditItems + 1 }, await WorldSnapshot.TakeAsync(world));
        Assert.Empty(world.Cloud.Sns.GetMessages());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("\"confirm\":\"shap\"")]
    public async Task HandleAsync_FailoverWithoutTheRightConfirm_RejectedAndNothingWritten(string? confirm)
    {
        await using var world = await WorldHarness.StartAsync();
        var before = await WorldSnapshot.TakeAsync(world);

        var (result, error) = await world.InvokeAsync(WorldHarness.Command("failover", confirm));

        Assert.Null(error);
        Assert.Equal(Outcome.Rejected, result!.Outcome);
        Assert.Contains("repeat the app name as \"confirm\": \"shop\"", result.Reason);
        Assert.Equal(before, await WorldSnapshot.TakeAsync(world));
        Assert.Empty(world.Cloud.Calls.Snapshot());
        Assert.Empty(world.Cloud.Sns.GetMessages());
    }
}
