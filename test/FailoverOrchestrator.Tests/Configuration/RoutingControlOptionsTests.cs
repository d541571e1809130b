using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Tests.TestSupport;

namespace FailoverOrchestrator.Tests.Configuration;

public sealed class RoutingControlOptionsTests
{
    private const string At = "Orchestrator:Apps:shop";

    [Fact]
    public void Load_RoutingControlStrategy_BindsEndpointsAndControls()
    {
        var app = TestConfig.Shop([new($"{At}:Dns:Strategy", "RoutingControl"), new("Orchestrator:Region", "us-west-2")]);

        Assert.Equal(DnsStrategy.RoutingControl, app.Dns.Strategy);
        Assert.Equal(["us-east-1", "us-west-2", "eu-west-1", "ap-northeast-1", "ap-southeast-2"],
            app.RoutingControl.ClusterEndpoints.Select(e => e.Region));
        Assert.EndsWith("/routingcontrol/9f8e7d6c5b4a3f2e", app.RoutingControl.ControlArns["us-west-2"], StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SampleDefault_IsRecordChange()
    {
        Assert.Equal(DnsStrategy.RecordChange, TestConfig.Shop().Dns.Strategy);
    }

    [Theory]
    [InlineData("RoutingControl:ClusterEndpoints:4:Region", "", "RoutingControl:ClusterEndpoints:4:Region")]
    [InlineData("RoutingControl:ClusterEndpoints:4:Region", "eu-west-1", "region eu-west-1 is listed 2 times")]
    [InlineData("RoutingControl:ClusterEndpoints:2:Endpoint", "host-c/v1",
        "RoutingControl:ClusterEndpoints:2:Endpoint: 'host-c/v1' is not an absolute https URL")]
    [InlineData("RoutingControl:ControlArns:us-west-2", "", "RoutingControl:ControlArns:us-west-2: name the routing control")]
    [InlineData("RoutingControl:ControlArns:us-west-2", "arn:aws:route53-recovery-control::111122223333:controlpanel/abc/safetyrule/def",
        "is not a routing control ARN")]
    [InlineData("RoutingControl:ControlArns:eu-west-1",
        "arn:aws:route53-recovery-control::111122223333:controlpanel/abc/routingcontrol/def",
        "eu-west-1 is neither the primary nor the standby region")]
    [InlineData("RoutingControl:ControlArns:us-west-2",
        "arn:aws:route53-recovery-control::111122223333:controlpanel/0a1b2c3d4e5f40718293a4b5c6d7e8f9/routingcontrol/4a5b6c7d8e9f0a1b",
        "each region needs a routing control of its own")]
    [InlineData("RoutingControl:ClusterEndpont", "x", "RoutingControl:ClusterEndpont: not a setting")]
    [InlineData("Dns:Strategy", "Arc", "Strategy")]
    public void Load_BadRoutingControlSetting_FailsNamingIt(string setting, string value, string expected)
    {
        var error = Assert.Throws<OrchestratorConfigurationException>(() =>
            TestConfig.Load(
            [new($"{At}:Dns:Strategy", "RoutingControl"), new("Orchestrator:Region", "us-west-2"), new($"{At}:{setting}", value)]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FourEndpoints_RefusedAsIncompleteCluster()
    {
        const string Fifth = """{ "Endpoint": "https://host-eeeeee.route53-recovery-cluster.ap-southeast-2.amazonaws.com/v1", "Region": "ap-southeast-2" }""";
        var file = File.ReadAllText(TestConfig.ConfigPath).Replace(Fifth, string.Empty, StringComparison.Ordinal)
            .Replace("\"Region\": \"ap-northeast-1\" },", "\"Region\": \"ap-northeast-1\" }", StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"four-endpoints-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, file);
        try
        {
            var error = Assert.Throws<OrchestratorConfigurationException>(() =>
                OrchestratorConfiguration.Load(
                path, [new($"{At}:Dns:Strategy", "RoutingControl"), new("Orchestrator:Region", "us-west-2")],
                environment: TestEnvironment.Empty));

            Assert.Contains("list all 5 endpoints of the cluster", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Load_RoutingControlWithStateTableInThePrimaryRegion_RefusedNamingTheRegion()
    {
        var error = Assert.Throws<OrchestratorConfigurationException>(() =>
            TestConfig.Load([new($"{At}:Dns:Strategy", "RoutingControl"), new("Orchestrator:Region", "us-east-1")]));

        Assert.Contains(
            "Orchestrator:Region: the state table (and the function beside it) is in us-east-1, the primary region of app 'shop'",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_RecordChangeWithIncompleteRoutingControl_Accepted()
    {
        var app = TestConfig.Shop([new($"{At}:RoutingControl:ControlArns:us-west-2", string.Empty)]);

        Assert.Equal(DnsStrategy.RecordChange, app.Dns.Strategy);
    }
}
