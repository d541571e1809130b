using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.IntegrationTests.World;

public class EndToEndFailoverTests
{
    [Fact]
    public async Task HandleAsync_AlarmIntoAlarm_MovesEverythingToTheStandby()
    {
        await using var world = await WorldHarness.StartAsync();

        var (result, error) = await world.InvokeAsync(world.Alarm());

        Assert.Null(error);
        Assert.Equal(Outcome.FailedOver, result!.Outcome);
        Assert.Equal("us-west-2", result.ActiveRegion);
        Assert.All(result.Steps, s => Assert.Equal(StepStatus.Succeeded, s.Status));
        var record = world.Cloud.Route53.FindRecord("Z111111QQQQQQQ", "api.example.com.", "A")!;
        Assert.Equal("shop-usw2-456.us-west-2.elb.amazonaws.com.", record.AliasTarget!.DnsName);
        var standby = world.Cloud.Ecs.GetService("us-west-2", "shop", "web")!;
        Assert.Equal((4, 4), (standby.DesiredCount, standby.RunningCount));
        var message = Assert.Single(world.Cloud.Sns.GetMessages());
        Assert.Equal("[failover] FAILED OVER shop to us-west-2", message.Subject);
    }
}
