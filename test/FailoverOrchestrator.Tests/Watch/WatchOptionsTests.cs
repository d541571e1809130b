using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Tests.TestSupport;

namespace FailoverOrchestrator.Tests.Watch;

public sealed class WatchOptionsTests
{
    private const string At = "Orchestrator:Apps:shop";

    [Fact]
    public void Load_NoEndpoints_WatchOffWithDefaults()
    {
        var watch = TestConfig.Shop().Watch;

        Assert.False(watch.Enabled);
        Assert.Equal(WatchPolicy.Notify, watch.Policy);
        Assert.Equal(180, watch.FailedForSeconds);
    }

    [Fact]
    public void Load_EndpointsAndFailoverPolicy_Bound()
    {
        var watch = TestConfig.Shop(
            [new($"{At}:Watch:HealthEndpoints:0", "https://use1.shop.example.com/health"), new($"{At}:Watch:Policy", "Failover"),
            new($"{At}:Watch:FailedForSeconds", "120")]).Watch;

        Assert.True(watch.Enabled);
        Assert.Equal(WatchPolicy.Failover, watch.Policy);
        Assert.Equal(120, watch.FailedForSeconds);
        Assert.Equal(["https://use1.shop.example.com/health"], watch.HealthEndpoints);
    }

    [Theory]
    [InlineData("Watch:HealthEndpoints:0", "ftp://x/health", "Watch:HealthEndpoints:0: 'ftp://x/health' is not an http(s) URL")]
    [InlineData("Watch:HealthEndpoints:0", "https://user:pw@x/health", "without credentials")]
    [InlineData("Watch:FailedForSeconds", "30", "Watch:FailedForSeconds: 30 must be between 60")]
    [InlineData("Watch:ProbeTimeoutSeconds", "0", "Watch:ProbeTimeoutSeconds: 0 must be at least 1")]
    [InlineData("Watch:HistorySize", "0", "Watch:HistorySize: 0 must be between 1 and 60")]
    [InlineData("Watch:Policy", "Failvoer", "Policy")]
    [InlineData("Watch:Polcy", "Failover", "Watch:Polcy: not a setting")]
    [InlineData("Watch:Dns:RecordName", "api.example.com.", "Watch:Dns:RecordName: 'api.example.com.' is the app's own record")]
    [InlineData("Watch:Dns:RecordName", "health..example.com", "Watch:Dns:RecordName: 'health..example.com' is not a DNS name")]
    [InlineData("Watch:Dns:Resolver", "dns.internal:53", "Watch:Dns:Resolver: 'dns.internal:53' is not an IP address")]
    [InlineData("Watch:Dns:TimeoutSeconds", "0", "Watch:Dns:TimeoutSeconds: 0 must be between 1 and 10")]
    [InlineData("Watch:FlapFailedRuns", "11", "11 of 10 runs; need 2 <= FlapFailedRuns <= FlapWindowRuns <= 60")]
    public void Load_BadWatchSetting_FailsNamingIt(string setting, string value, string expected)
    {
        var error = Assert.Throws<OrchestratorConfigurationException>(() => TestConfig.Load([new($"{At}:{setting}", value)]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_DnsRecordAndResolver_Bound()
    {
        var dns = TestConfig.Shop(
            [new($"{At}:Watch:Dns:RecordName", "health.api.example.com"), new($"{At}:Watch:Dns:Resolver", "127.0.0.1:5353")]).Watch.Dns;

        Assert.True(dns.Enabled);
        Assert.Equal(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 5353), dns.ResolverEndPoint());
        Assert.Equal(2, dns.TimeoutSeconds);
    }
}
