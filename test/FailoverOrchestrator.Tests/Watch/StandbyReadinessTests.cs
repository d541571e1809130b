using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Tests.TestSupport;
using FailoverOrchestrator.Watch;

namespace FailoverOrchestrator.Tests.Watch;

public class StandbyReadinessTests
{
    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(4, false)]
    public void Drift_StandbyDesiredCount_OnlyBelowItIsAReason(int desired, bool drifted)
    {
        var app = TestConfig.Shop();
        var configured = app.Regions["us-west-2"].Services[0];
        var service = new EcsService(configured.Service, "arn:aws:ecs:us-west-2:111122223333:service/shop/web", "ACTIVE", desired, desired,
            0, "web:7");

        var reasons = StandbyReadiness.Drift(app, [(configured.Cluster, service)]).ToList();

        Assert.Equal(drifted ? 1 : 0, reasons.Count);
        if (drifted)
        {
            Assert.Equal(
                $"ECS service shop/web in us-west-2 has desired count 0, not its StandbyDesiredCount {configured.StandbyDesiredCount} "
                + $"(drifted)", reasons[0]);
        }
    }

    [Fact]
    public void Drift_ServiceOfAnotherCluster_NotCompared()
    {
        var app = TestConfig.Shop();
        var configured = app.Regions["us-west-2"].Services[0];
        var service = new EcsService(configured.Service, "arn", "ACTIVE", 0, 0, 0, "web:7");

        Assert.Empty(StandbyReadiness.Drift(app, [("other-cluster", service)]));
    }
}
