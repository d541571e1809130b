using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Tests.TestSupport;

namespace FailoverOrchestrator.Tests.Configuration.Validation;

/// <summary>
/// Each rule of the options, from the sample configuration (valid as shipped) with a few settings changed: just inside,
/// on and just outside its boundary. A row names the setting whose errors it reads ("" expected: that setting has none;
/// otherwise exactly one, which starts with the setting's full path and then the text given).
/// </summary>
public sealed class OptionsValidationBoundaryTests
{
    [Theory]
    [InlineData("FunctionTimeoutSeconds=9", "FunctionTimeoutSeconds", "9 is outside Lambda's 10..900 seconds")]
    [InlineData("FunctionTimeoutSeconds=10", "FunctionTimeoutSeconds", "")]
    [InlineData("FunctionTimeoutSeconds=900", "FunctionTimeoutSeconds", "")]
    [InlineData("FunctionTimeoutSeconds=901", "FunctionTimeoutSeconds", "901 is outside Lambda's 10..900 seconds")]
    [InlineData("AuditRetentionDays=-1", "AuditRetentionDays", "-1 is negative (0 keeps audit items forever)")]
    [InlineData("AuditRetentionDays=0", "AuditRetentionDays", "")]
    [InlineData("StateTable= ", "StateTable", "required")]
    [InlineData("Region=moon-base-1", "Region", "'moon-base-1' is not a region of the aws partition")]
    [InlineData("Apps:shop:LeaseSeconds=9", "Apps:shop:LeaseSeconds", "9 is below the 10 seconds a step needs")]
    [InlineData("Apps:shop:LeaseSeconds=10", "Apps:shop:LeaseSeconds", "")]
    [InlineData("Apps:shop:LeaseSeconds=329", "Apps:shop:LeaseSeconds", "")]
    [InlineData("Apps:shop:LeaseSeconds=330", "Apps:shop:LeaseSeconds",
        "330 must be shorter than Orchestrator:FunctionTimeoutSeconds (330)")]
    [InlineData("Apps:shop:EcsWaitSeconds=0", "Apps:shop:EcsWaitSeconds", "0 must be at least 1")]
    [InlineData("Apps:shop:EcsWaitSeconds=1", "Apps:shop:EcsWaitSeconds", "")]
    [InlineData("Apps:shop:EcsWaitSeconds=119", "Apps:shop:EcsWaitSeconds", "")]
    [InlineData("Apps:shop:EcsWaitSeconds=120", "Apps:shop:EcsWaitSeconds", "120 must be shorter than LeaseSeconds (120)")]
    [InlineData("Apps:shop:EcsWaitSeconds=121", "Apps:shop:EcsWaitSeconds", "121 must be shorter than LeaseSeconds (120)")]
    [InlineData("Apps:shop:HealthWaitSeconds=119", "Apps:shop:HealthWaitSeconds", "")]
    [InlineData("Apps:shop:HealthWaitSeconds=120", "Apps:shop:HealthWaitSeconds", "120 must be shorter than LeaseSeconds (120)")]
    [InlineData("Apps:shop:DnsWaitSeconds=119", "Apps:shop:DnsWaitSeconds", "")]
    [InlineData("Apps:shop:DnsWaitSeconds=120", "Apps:shop:DnsWaitSeconds", "120 must be shorter than LeaseSeconds (120)")]
    [InlineData("FunctionTimeoutSeconds=308", "Apps:shop:EcsWaitSeconds, HealthWaitSeconds, DnsWaitSeconds", "")]
    [InlineData("FunctionTimeoutSeconds=307", "Apps:shop:EcsWaitSeconds, HealthWaitSeconds, DnsWaitSeconds",
        "together 290 s, plus 10 s for the calls around them and the 8 s the function keeps before its deadline to record a failure, do " +
        "not fit in Orchestrator:FunctionTimeoutSeconds (307)")]
    [InlineData("FunctionTimeoutSeconds=316", "Apps:shop:Replication:CatchUpWaitSeconds", "")]
    [InlineData("FunctionTimeoutSeconds=315", "Apps:shop:Replication:CatchUpWaitSeconds",
        "with SourceReadTimeoutSeconds and the other waits")]
    [InlineData("FunctionTimeoutSeconds=900;Apps:shop:Replication:CatchUpWaitSeconds=116", "Apps:shop:Replication:CatchUpWaitSeconds", "")]
    [InlineData("FunctionTimeoutSeconds=900;Apps:shop:Replication:CatchUpWaitSeconds=117", "Apps:shop:Replication:CatchUpWaitSeconds",
        "117 plus SourceReadTimeoutSeconds (3) must be shorter than LeaseSeconds (120)")]
    [InlineData("Apps:shop:Replication:CatchUpWaitSeconds=-1", "Apps:shop:Replication:CatchUpWaitSeconds", "-1 must be at least 0")]
    [InlineData("Apps:shop:Replication:CatchUpWaitSeconds=0", "Apps:shop:Replication:CatchUpWaitSeconds", "")]
    [InlineData("Apps:shop:Replication:SourceReadTimeoutSeconds=0", "Apps:shop:Replication:SourceReadTimeoutSeconds",
        "0 must be between 1 and 30")]
    [InlineData("Apps:shop:Replication:SourceReadTimeoutSeconds=1", "Apps:shop:Replication:SourceReadTimeoutSeconds", "")]
    [InlineData("Apps:shop:Replication:SourceReadTimeoutSeconds=30", "Apps:shop:Replication:SourceReadTimeoutSeconds", "")]
    [InlineData("Apps:shop:Replication:SourceReadTimeoutSeconds=31", "Apps:shop:Replication:SourceReadTimeoutSeconds",
        "31 must be between 1 and 30")]
    [InlineData("Apps:shop:Replication:HeartbeatIntervalSeconds=0", "Apps:shop:Replication:HeartbeatIntervalSeconds",
        "0 must be between 1 and 86400")]
    [InlineData("Apps:shop:Replication:HeartbeatIntervalSeconds=86400", "Apps:shop:Replication:HeartbeatIntervalSeconds", "")]
    [InlineData("Apps:shop:Replication:HeartbeatIntervalSeconds=86401", "Apps:shop:Replication:HeartbeatIntervalSeconds",
        "86401 must be between 1 and 86400")]
    [InlineData("Apps:shop:Replication:MaxReplicationLagSeconds=60", "Apps:shop:Replication:MaxReplicationLagSeconds",
        "60 must be above HeartbeatIntervalSeconds (60)")]
    [InlineData("Apps:shop:Replication:MaxReplicationLagSeconds=61", "Apps:shop:Replication:MaxReplicationLagSeconds", "")]
    [InlineData("Apps:shop:Replication:MaxReplicationLagSeconds=86401", "Apps:shop:Replication:MaxReplicationLagSeconds",
        "86401 must be between 1 and 86400")]
    [InlineData("Apps:shop:Replication:HeartbeatKey=", "Apps:shop:Replication:HeartbeatKey", "required")]
    [InlineData("Apps:shop:Watch:ProbeTimeoutSeconds=0", "Apps:shop:Watch:ProbeTimeoutSeconds", "0 must be at least 1")]
    [InlineData("Apps:shop:Watch:ProbeTimeoutSeconds=312", "Apps:shop:Watch:ProbeTimeoutSeconds", "")]
    [InlineData("Apps:shop:Watch:ProbeTimeoutSeconds=313", "Apps:shop:Watch:ProbeTimeoutSeconds",
        "313 s, plus 10 s for the calls around them and the 8 s the function keeps before its deadline to record a failure, does not fit " +
        "in Orchestrator:FunctionTimeoutSeconds (330)")]
    [InlineData("Apps:shop:Watch:FailedForSeconds=59", "Apps:shop:Watch:FailedForSeconds",
        "59 must be between 60 (the schedule runs once a minute) and 3600")]
    [InlineData("Apps:shop:Watch:FailedForSeconds=60", "Apps:shop:Watch:FailedForSeconds", "")]
    [InlineData("Apps:shop:Watch:FailedForSeconds=3600", "Apps:shop:Watch:FailedForSeconds", "")]
    [InlineData("Apps:shop:Watch:FailedForSeconds=3601", "Apps:shop:Watch:FailedForSeconds",
        "3601 must be between 60 (the schedule runs once a minute) and 3600")]
    [InlineData("Apps:shop:Watch:HistorySize=0", "Apps:shop:Watch:HistorySize", "0 must be between 1 and 60")]
    [InlineData("Apps:shop:Watch:HistorySize=60", "Apps:shop:Watch:HistorySize", "")]
    [InlineData("Apps:shop:Watch:HistorySize=61", "Apps:shop:Watch:HistorySize", "61 must be between 1 and 60")]
    [InlineData("Apps:shop:Watch:HealthEndpoints:0=https://user:pw@a.example.com/health", "Apps:shop:Watch:HealthEndpoints:0",
        "'https://user:pw@a.example.com/health' is not an http(s) URL without credentials")]
    [InlineData("Apps:shop:Watch:HealthEndpoints:0=https://a.example.com/health", "Apps:shop:Watch:HealthEndpoints:0", "")]
    [InlineData("Apps:shop:Watch:Policy=7", "Apps:shop:Watch:Policy", "'7' is neither Notify nor Failover")]
    [InlineData("Apps:shop:RunningShare=0", "Apps:shop:RunningShare", "0 must be above 0 and at most 1")]
    [InlineData("Apps:shop:RunningShare=0.01", "Apps:shop:RunningShare", "")]
    [InlineData("Apps:shop:RunningShare=1", "Apps:shop:RunningShare", "")]
    [InlineData("Apps:shop:RunningShare=1.01", "Apps:shop:RunningShare", "1.01 must be above 0 and at most 1")]
    [InlineData("Apps:shop:RunningShare=NaN", "Apps:shop:RunningShare", "NaN must be above 0 and at most 1")]
    [InlineData("Apps:shop:MaxAttempts=0", "Apps:shop:MaxAttempts", "0 must be between 1 and 10")]
    [InlineData("Apps:shop:MaxAttempts=1", "Apps:shop:MaxAttempts", "")]
    [InlineData("Apps:shop:MaxAttempts=10", "Apps:shop:MaxAttempts", "")]
    [InlineData("Apps:shop:MaxAttempts=11", "Apps:shop:MaxAttempts", "11 must be between 1 and 10")]
    [InlineData("Apps:shop:CooldownSeconds=-1", "Apps:shop:CooldownSeconds", "-1 is negative")]
    [InlineData("Apps:shop:CooldownSeconds=0", "Apps:shop:CooldownSeconds", "")]
    [InlineData("Apps:shop:AccountId=11112222333", "Apps:shop:AccountId", "'11112222333' is not a 12-digit AWS account id")]
    [InlineData("Apps:shop:AccountId=1111222233334", "Apps:shop:AccountId", "'1111222233334' is not a 12-digit AWS account id")]
    [InlineData("Apps:shop:AccountId=", "Apps:shop:AccountId", "required")]
    [InlineData("Apps:shop:AlarmRegion=", "Apps:shop:AlarmRegion", "name the region of the alarms")]
    [InlineData("Apps:shop:PrimaryRegion=", "Apps:shop:PrimaryRegion", "required")]
    [InlineData("Apps:shop:TopicArn=arn:aws:sns:moon-base-1:111122223333:shop", "Apps:shop:TopicArn",
        "'moon-base-1' is not a region of the aws partition")]
    [InlineData("Apps:shop:Regions:us-west-2:Services:0:StandbyDesiredCount=-1",
        "Apps:shop:Regions:us-west-2:Services:0:StandbyDesiredCount", "-1 is negative; 0 is a pilot light")]
    [InlineData("Apps:shop:Regions:us-west-2:Services:0:StandbyDesiredCount=0",
        "Apps:shop:Regions:us-west-2:Services:0:StandbyDesiredCount", "")]
    [InlineData("Apps:shop:Regions:us-west-2:Services:0:StandbyDesiredCount=4",
        "Apps:shop:Regions:us-west-2:Services:0:StandbyDesiredCount", "")]
    [InlineData("Apps:shop:Regions:us-west-2:Services:0:StandbyDesiredCount=5",
        "Apps:shop:Regions:us-west-2:Services:0:StandbyDesiredCount", "5 must be between 0 and ActiveDesiredCount (4)")]
    [InlineData("Apps:shop:Regions:us-west-2:Services:0:ActiveDesiredCount=1",
        "Apps:shop:Regions:us-west-2:Services:0:ActiveDesiredCount", "")]
    [InlineData("Apps:shop:Regions:us-west-2:Services:0:Cluster=", "Apps:shop:Regions:us-west-2:Services:0:Cluster", "required")]
    [InlineData("Apps:shop:Regions:us-west-2:GlobalTables:0=", "Apps:shop:Regions:us-west-2:GlobalTables:0",
        "empty; name a global table or remove the entry")]
    [InlineData(Cname + ";Apps:shop:Dns:Ttl=-1", "Apps:shop:Dns:Ttl", "a CNAME needs a TTL between 0 and 2147483647 seconds")]
    [InlineData(Cname + ";Apps:shop:Dns:Ttl=0", "Apps:shop:Dns:Ttl", "")]
    [InlineData(Cname + ";Apps:shop:Dns:Ttl=2147483647", "Apps:shop:Dns:Ttl", "")]
    [InlineData(Cname + ";Apps:shop:Dns:Ttl=2147483648", "Apps:shop:Dns:Ttl", "a CNAME needs a TTL between 0 and 2147483647 seconds")]
    [InlineData(Cname + ";Apps:shop:Dns:Ttl=60;Apps:shop:Regions:us-west-2:TargetHostedZoneId=Z1H1FL5HABSF5",
        "Apps:shop:Regions:us-west-2:TargetHostedZoneId", "a CNAME has no alias target; remove it")]
    [InlineData("Apps:shop:Dns:RecordType=", "Apps:shop:Dns:RecordType", "required")]
    public void Load_SettingAtBoundary_ErrorsOnlyOutsideAndNamesTheSetting(string overrides, string setting, string expected)
    {
        var errors = ErrorsOf(overrides).Where(e => e.StartsWith($"Orchestrator:{setting}: ", StringComparison.Ordinal)).ToList();

        if (expected.Length == 0)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.StartsWith($"Orchestrator:{setting}: {expected}", Assert.Single(errors), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Load_EcsWaitAsLongAsTheLease_Refused()
    {
        // The lease is renewed at the checkpoint before the scale-up and next at the one after it. A wait as long as
        // the lease gives up at the instant the lease expires, so a retried alarm may take the execution over while
        // this invocation still records the step: two holders. Strictly shorter, as DynamoDB's conditional writes
        // fence the old holder only once the new one has taken over.
        var errors = ErrorsOf("Apps:shop:LeaseSeconds=90;Apps:shop:EcsWaitSeconds=90;" + ShorterHealthAndDnsWaits);

        Assert.Equal(["Orchestrator:Apps:shop:EcsWaitSeconds: 90 must be shorter than LeaseSeconds (90): the lease is renewed at each " +
            "checkpoint, and a wait runs between two"], errors);
    }

    [Fact]
    public void Load_EcsWaitOneSecondShorterThanTheLease_Accepted()
    {
        Assert.Empty(ErrorsOf("Apps:shop:LeaseSeconds=90;Apps:shop:EcsWaitSeconds=89;" + ShorterHealthAndDnsWaits));
    }

    [Fact]
    public void Load_DefaultWaitsInAFunctionOf300Seconds_RefusedForTheDeadlineMargin()
    {
        // 290 s of waits and 10 s of calls fill 300 s, but the steps stop 8 s before the deadline: the DNS wait would be
        // cut short by the function's own margin, not by its setting.
        var errors = ErrorsOf("FunctionTimeoutSeconds=300");

        Assert.Contains(errors, e => e.StartsWith("Orchestrator:Apps:shop:EcsWaitSeconds, HealthWaitSeconds, " +
            "DnsWaitSeconds: together 290 s", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_SampleAsShipped_HasNoError()
    {
        Assert.Empty(ErrorsOf(string.Empty));
    }

    private const string Cname =
        "Apps:shop:Dns:RecordType=CNAME;Apps:shop:Regions:us-east-1:TargetHostedZoneId=;Apps:shop:Regions:us-west-2:TargetHostedZoneId=";

    private const string ShorterHealthAndDnsWaits = "Apps:shop:HealthWaitSeconds=80;Apps:shop:DnsWaitSeconds=80";

    private static IReadOnlyList<string> ErrorsOf(string overrides)
    {
        var settings = overrides.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(o => o.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string?>($"Orchestrator:{kv[0]}", kv[1]));
        try
        {
            TestConfig.Load(settings);
            return [];
        }
        catch (OrchestratorConfigurationException ex)
        {
            return ex.Errors;
        }
    }
}
