using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.IntegrationTests.Operations;

/// <summary>
/// A standby at zero tasks (a pilot light) in a world where tasks take time to start and the health check turns
/// healthy only after they have served a while: the real handler over HTTP.
/// </summary>
public class PilotLightTests
{
    private const string Standby = "us-west-2";

    [Fact]
    public async Task HandleAsync_StandbyAtZeroTasks_ScalesWaitsForHealthThenMovesDns()
    {
        // The health wait gets room for the check's 4 s to turn healthy, on a loaded machine too.
        await using var world = await StartPilotLightAsync([new("Orchestrator:Apps:shop:HealthWaitSeconds", "15")]);
        var check = world.App.Regions[Standby].HealthCheckId;
        Assert.False(world.Cloud.Route53.GetHealthCheck(check).Healthy);

        var (result, error) = await world.InvokeAsync(world.Alarm());

        Assert.Null(error);
        Assert.Equal(Outcome.FailedOver, result!.Outcome);
        Assert.Equal(StepStatus.Succeeded, result.Steps.Single(s => s.Name == "Preflight").Status);
        Assert.Equal(StepStatus.Succeeded, result.Steps.Single(s => s.Name == "TargetHealthy").Status);
        var calls = world.Cloud.Calls.Snapshot().ToList();
        var change = calls.FindIndex(c => c.Operation == "ChangeResourceRecordSets");
        var lastHealthRead = calls.FindLastIndex(c => c.Operation == "GetHealthCheckStatus");
        Assert.True(lastHealthRead >= 0 && lastHealthRead < change, "DNS moved before the health check was read healthy");
        Assert.True(calls.Count(c => c.Operation == "GetHealthCheckStatus") > 1, "the health check was not polled while it turned healthy");
        Assert.True(world.Cloud.Route53.GetHealthCheck(check).Healthy);
        var record = world.Cloud.Route53.FindRecord(world.App.Dns.HostedZoneId, "api.example.com.", "A")!;
        Assert.Equal("shop-usw2-456.us-west-2.elb.amazonaws.com.", record.AliasTarget!.DnsName);
    }

    [Fact]
    public async Task HandleAsync_StandbyNeverHealthyUnderBlock_FailsAfterScalingAndLeavesTrafficAndWriter()
    {
        await using var world = await StartPilotLightAsync();
        world.Cloud.Route53.SetHealthCheckStatus(world.App.Regions[Standby].HealthCheckId, healthy: false);

        var (result, error) = await world.InvokeAsync(world.Alarm());

        // Capacity was added (the one change made), traffic and the writer stay: Lambda's retry waits again.
        Assert.Null(result);
        Assert.Contains("TargetHealthy", error!.Message, StringComparison.Ordinal);
        Assert.Equal(1, world.Cloud.Calls.Count(LocalService.Ecs, "UpdateService"));
        Assert.Equal(0, world.Cloud.Calls.Count(LocalService.Route53, "ChangeResourceRecordSets"));
        var record = world.Cloud.Route53.FindRecord(world.App.Dns.HostedZoneId, "api.example.com.", "A")!;
        Assert.Equal("shop-use1-123.us-east-1.elb.amazonaws.com.", record.AliasTarget!.DnsName);
        Assert.Null(
            await world.World.DynamoDb(
            Standby).GetItemAsync(world.App.WriterControl.TableName, new() { ["pk"] = new("writer") }) is { Item.Count: > 0 } item
            ? item : null);
    }

    private static async Task<WorldHarness> StartPilotLightAsync(IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var world = await WorldHarness.StartAsync(overrides, cloud: new LocalCloudOptions
        {
            ChangePropagationDelay = TimeSpan.Zero,
            EcsTasksPerSecond = double.PositiveInfinity,
            // Margins wide enough for a loaded machine: the ECS wait reads at about 0 s and 1 s (then backs off to
            // 2 s, 4 s), so tasks that start in 0.5 s are seen at the 1 s read; the health check then turns healthy
            // 4 s later, after the health wait's first read (2 s apart, then 4 s), so the wait must read it unhealthy
            // at least once (the test that expects a healthy check gives the health wait 15 s for it). With 1 s and 2 s, a read of ECS that
            // just missed the start moved the next to 3 s, by
            // which time the check was already healthy and the test saw one read.
            EcsTaskStartTime = TimeSpan.FromSeconds(0.5),
            HealthCheckHealthyAfter = TimeSpan.FromSeconds(4),
            AccountId = "111122223333",
        });
        world.Cloud.Ecs.SetCounts(Standby, "shop", "web", 0, 0);
        return world;
    }
}
