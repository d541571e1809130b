using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Configuration.Validation;
using FailoverOrchestrator.Tests.TestSupport;

namespace FailoverOrchestrator.Tests.Configuration;

public class OrchestratorConfigurationTests
{
    private const string App = "Orchestrator:Apps:shop";

    [Fact]
    public void Load_SampleConfiguration_BindsEveryLevel()
    {
        var options = TestConfig.Load();

        var shop = options.Apps["shop"];
        Assert.Equal("shop", shop.Name);
        Assert.Equal("us-east-1", shop.PrimaryRegion);
        Assert.Equal("us-west-2", shop.StandbyRegion);
        Assert.Equal(["shop-primary-unhealthy"], shop.AlarmNames);
        Assert.Equal("A", shop.Dns.RecordType);
        Assert.Null(shop.Dns.Ttl);
        Assert.Equal(4, shop.Regions["us-west-2"].Services[0].ActiveDesiredCount);
        Assert.Equal(["shop-orders"], shop.Regions["us-west-2"].GlobalTables);
        Assert.Equal(PreflightPolicy.Block, shop.PreflightPolicy);
    }

    [Fact]
    public void Load_Override_WinsOverFile()
    {
        var shop = TestConfig.Shop([new($"{App}:CooldownSeconds", "60"), new($"{App}:PreflightPolicy", "Warn")]);

        Assert.Equal(60, shop.CooldownSeconds);
        Assert.Equal(PreflightPolicy.Warn, shop.PreflightPolicy);
    }

    [Fact]
    public void Load_MissingFile_NamesTheFile()
    {
        var ex = Assert.Throws<OrchestratorConfigurationException>(() =>
            OrchestratorConfiguration.Load("/nonexistent/orchestrator.json", environment: TestEnvironment.Empty));

        Assert.Contains("'/nonexistent/orchestrator.json' does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("StandbyRegion", "us-east-1", "Orchestrator:Apps:shop:StandbyRegion: 'us-east-1' is also the PrimaryRegion")]
    [InlineData("PrimaryRegion", "moon-base-1", "Orchestrator:Apps:shop:PrimaryRegion: 'moon-base-1' is not a region of the aws partition")]
    [InlineData("PrimaryRegion", "cn-north-1",
        "Orchestrator:Apps:shop:PrimaryRegion: 'cn-north-1' is in the aws-cn partition, which is not supported")]
    [InlineData("StandbyRegion", "us-gov-west-1",
        "Orchestrator:Apps:shop:StandbyRegion: 'us-gov-west-1' is in the aws-us-gov partition, which is not supported")]
    [InlineData("TopicArn", "arn:aws-cn:sns:cn-north-1:111122223333:shop",
        "Orchestrator:Apps:shop:TopicArn: partition 'aws-cn' is not supported")]
    [InlineData("Regions:us-west-2:HealthCheckId", "a1b2c3d4-typo",
        "Orchestrator:Apps:shop:Regions:us-west-2:HealthCheckId: 'a1b2c3d4-typo' is not a Route 53 health check id")]
    [InlineData("HealthWaitSeconds", "120", "Orchestrator:Apps:shop:HealthWaitSeconds: 120 must be shorter than LeaseSeconds (120)")]
    [InlineData("CooldownSecs", "60", "Orchestrator:Apps:shop:CooldownSecs: not a setting")]
    [InlineData("AlarmRegion", "us-gov-east-1",
        "Orchestrator:Apps:shop:AlarmRegion: 'us-gov-east-1' is in the aws-us-gov partition, which is not supported")]
    [InlineData("Dns:RecordNmae", "api.example.com", "Orchestrator:Apps:shop:Dns:RecordNmae: not a setting")]
    [InlineData("Regions:us-west-2:Services:0:DesiredCount", "4",
        "Orchestrator:Apps:shop:Regions:us-west-2:Services:0:DesiredCount: not a setting")]
    [InlineData("AlarmNames:first", "x", "Orchestrator:Apps:shop:AlarmNames:first: 'first' is not a list index")]
    [InlineData("Steps:0", "Preflight", "Orchestrator:Apps:shop:Steps: not a setting")]
    [InlineData("AccountId", "12", "Orchestrator:Apps:shop:AccountId: '12' is not a 12-digit AWS account id")]
    [InlineData("Dns:Ttl", "60", "Orchestrator:Apps:shop:Dns:Ttl: an alias A record takes no TTL")]
    [InlineData("Dns:RecordType", "MX", "Orchestrator:Apps:shop:Dns:RecordType: 'MX' is not A, AAAA")]
    [InlineData("Dns:RecordName", "api.example.org", "Orchestrator:Apps:shop:Dns:RecordName: 'api.example.org' is not inside the zone")]
    [InlineData("LeaseSeconds", "330",
        "Orchestrator:Apps:shop:LeaseSeconds: 330 must be shorter than Orchestrator:FunctionTimeoutSeconds (330)")]
    [InlineData("LeaseSeconds", "5", "Orchestrator:Apps:shop:LeaseSeconds: 5 is below")]
    [InlineData("EcsWaitSeconds", "200", "Orchestrator:Apps:shop:EcsWaitSeconds: 200 must be shorter than LeaseSeconds (120)")]
    [InlineData("DnsWaitSeconds", "0", "Orchestrator:Apps:shop:DnsWaitSeconds: 0 must be at least 1")]
    [InlineData("RunningShare", "1.5", "Orchestrator:Apps:shop:RunningShare: 1.5 must be above 0 and at most 1")]
    [InlineData("MaxAttempts", "0", "Orchestrator:Apps:shop:MaxAttempts: 0 must be between 1 and 10")]
    [InlineData("CooldownSeconds", "-1", "Orchestrator:Apps:shop:CooldownSeconds: -1 is negative")]
    [InlineData("TopicArn", "shop-alerts", "Orchestrator:Apps:shop:TopicArn: 'shop-alerts' is not an SNS topic ARN")]
    [InlineData("WriterControl:TableName", "", "Orchestrator:Apps:shop:WriterControl:TableName: required")]
    [InlineData("Regions:us-west-2:HealthCheckId", "", "Orchestrator:Apps:shop:Regions:us-west-2:HealthCheckId: required")]
    [InlineData("Regions:us-west-2:TargetHostedZoneId", "",
        "Orchestrator:Apps:shop:Regions:us-west-2:TargetHostedZoneId: an alias record needs")]
    [InlineData("Regions:us-west-2:Services:0:ActiveDesiredCount", "0",
        "Orchestrator:Apps:shop:Regions:us-west-2:Services:0:ActiveDesiredCount: 0 cannot serve traffic")]
    [InlineData("Regions:us-west-2:Services:0:StandbyDesiredCount", "9",
        "Orchestrator:Apps:shop:Regions:us-west-2:Services:0:StandbyDesiredCount: 9 must be between 0 and ActiveDesiredCount (4)")]
    [InlineData("Regions:eu-west-1:HealthCheckId", "x",
        "Orchestrator:Apps:shop:Regions:eu-west-1: neither the PrimaryRegion nor the StandbyRegion")]
    [InlineData("AlarmNames:0", "", "Orchestrator:Apps:shop:AlarmNames:0: empty; name an alarm")]
    [InlineData("Replication:HeartbeatKey", "writer",
        "Orchestrator:Apps:shop:Replication:HeartbeatKey: 'writer' is also WriterControl:Key")]
    [InlineData("Replication:MaxReplicationLagSeconds", "30",
        "Orchestrator:Apps:shop:Replication:MaxReplicationLagSeconds: 30 must be above HeartbeatIntervalSeconds (60)")]
    [InlineData("Replication:MaxReplicationLagSeconds", "0",
        "Orchestrator:Apps:shop:Replication:MaxReplicationLagSeconds: 0 must be between 1 and 86400")]
    [InlineData("Replication:CatchUpWaitSeconds", "40",
        "Orchestrator:Apps:shop:Replication:CatchUpWaitSeconds: with SourceReadTimeoutSeconds and the other waits")]
    [InlineData("Replication:CatchUpWaitSeconds", "118",
        "Orchestrator:Apps:shop:Replication:CatchUpWaitSeconds: 118 plus SourceReadTimeoutSeconds (3) must be shorter than LeaseSeconds "
        + "(120)")]
    [InlineData("Replication:MaxLag", "30", "Orchestrator:Apps:shop:Replication:MaxLag: not a setting")]
    public void Load_BadSetting_FailsNamingTheSetting(string setting, string value, string expected)
    {
        var ex = Assert.Throws<OrchestratorConfigurationException>(() => TestConfig.Load([new($"{App}:{setting}", value)]));

        Assert.Contains(ex.Errors, e => e.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_CnameAtApex_Refused()
    {
        var ex = Assert.Throws<OrchestratorConfigurationException>(() => TestConfig.Load(
        [
            new($"{App}:Dns:RecordType", "CNAME"), new($"{App}:Dns:Ttl", "60"), new($"{App}:Dns:RecordName", "example.com"),
            new($"{App}:Regions:us-east-1:TargetHostedZoneId", ""), new($"{App}:Regions:us-west-2:TargetHostedZoneId", ""),
        ]));

        Assert.Equal(
            ["Orchestrator:Apps:shop:Dns:RecordType: a CNAME cannot be at the zone apex 'example.com'; use an alias A or AAAA record"],
            ex.Errors);
    }

    [Fact]
    public void Load_CnameWithoutTtl_Refused()
    {
        var ex = Assert.Throws<OrchestratorConfigurationException>(() => TestConfig.Load(
        [
            new($"{App}:Dns:RecordType", "CNAME"),
            new($"{App}:Regions:us-east-1:TargetHostedZoneId", ""), new($"{App}:Regions:us-west-2:TargetHostedZoneId", ""),
        ]));

        Assert.Equal(["Orchestrator:Apps:shop:Dns:Ttl: a CNAME needs a TTL between 0 and 2147483647 seconds"], ex.Errors);
    }

    [Fact]
    public void Load_NotANumber_FailsNamingTheSetting()
    {
        var ex = Assert.Throws<OrchestratorConfigurationException>(() => TestConfig.Load([new($"{App}:LeaseSeconds", "two minutes")]));

        Assert.Contains("LeaseSeconds", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NoApps_Refused()
    {
        var errors = OrchestratorOptionsValidation.Validate(new OrchestratorOptions { Region = "us-east-1" });

        Assert.Equal(["Orchestrator:Apps: no app is configured"], errors);
    }
}
