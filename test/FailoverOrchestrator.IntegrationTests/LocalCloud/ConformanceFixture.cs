using System.Text.Json;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.Faults;
using FailoverOrchestrator.LocalCloud.RecoveryCluster;
using FailoverOrchestrator.LocalCloud.Route53;

namespace FailoverOrchestrator.IntegrationTests.LocalCloud;

/// <summary>
/// Starts LocalCloud, seeds a two-region world, arms the faults the script expects on the first calls of
/// some operations, runs <c>node/localcloud-conformance.mjs</c> once and keeps its report.
/// </summary>
public sealed class ConformanceFixture : IAsyncLifetime
{
    internal const string ZoneName = "example.com.";
    internal const string RecordName = "api.example.com.";
    internal const string StandbyRegion = "us-west-2";
    internal const string PrimaryRegion = "us-east-1";
    internal const string Subject = "Failover: app moved to us-west-2";
    internal const string PrimaryControl =
        "arn:aws:route53-recovery-control::123456789012:controlpanel/0123456789abcdef0123456789abcdef/routingcontrol/aaaaaaaaaaaaaaaa";
    internal const string StandbyControl =
        "arn:aws:route53-recovery-control::123456789012:controlpanel/0123456789abcdef0123456789abcdef/routingcontrol/bbbbbbbbbbbbbbbb";
    internal const string RuleArn =
        "arn:aws:route53-recovery-control::123456789012:controlpanel/0123456789abcdef0123456789abcdef/safetyrule/cccccccccccccccc";
    internal const string DownRegion = "ap-northeast-1";

    private LocalCloudServer? _server;

    internal LocalCloudServer Server => _server ?? throw new InvalidOperationException("not started");

    internal IReadOnlyDictionary<string, (bool Ok, string Detail)> Report { get; private set; } = new Dictionary<string, (bool, string)>();

    internal string TopicArn { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        _server = LocalCloudServer.Start(new LocalCloudOptions
        {
            ChangePropagationDelay = TimeSpan.FromSeconds(1),
            EcsTasksPerSecond = 8,
        });
        var zone = SeedRoute53();
        Server.Ecs.AddService(PrimaryRegion, "app", "web", desiredCount: 4, runningCount: 4);
        Server.Ecs.AddService(StandbyRegion, "app", "web", desiredCount: 0, runningCount: 0);
        TopicArn = Server.Sns.AddTopic(StandbyRegion, "failover-alerts");
        ArmFaults();
        await SeedRoutingControlsAsync();

        var output = await NodeScript.RunAsync(
            "localcloud-conformance.mjs",
            new Dictionary<string, string> { ["LOCALCLOUD_WORLD"] = JsonSerializer.Serialize(ScriptWorld(zone)) },
            TimeSpan.FromMinutes(2));
        Report = ReadReport(output);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>The hosted zone with its apex, alias and CNAME records, and a healthy and an unhealthy health check.</summary>
    private (string ZoneId, string Healthy, string Unhealthy) SeedRoute53()
    {
        var zoneId = Server.Route53.AddHostedZone(ZoneName);
        Server.Route53.PutRecord(zoneId, RecordSet.Plain(ZoneName, "A", 300, "192.0.2.10"));
        Server.Route53.PutRecord(zoneId,
            RecordSet.Alias(RecordName, "A", "Z35SXDOTRQ7X7K", "primary-alb.us-east-1.elb.amazonaws.com.", true));
        Server.Route53.PutRecord(zoneId, RecordSet.Plain("www.example.com", "CNAME", 60, RecordName));
        var healthy = Server.Route53.AddHealthCheck(healthy: true);
        var unhealthy = Server.Route53.AddHealthCheck(healthy: true);
        Server.Route53.SetHealthCheckStatus(unhealthy, healthy: false);
        return (zoneId, healthy, unhealthy);
    }

    /// <summary>The two regions' routing controls under an at-least-one assertion rule, one cluster endpoint region down.</summary>
    private async Task SeedRoutingControlsAsync()
    {
        Server.Cluster.Controls.AddControl(PrimaryControl, "app-us-east-1", on: true);
        Server.Cluster.Controls.AddControl(StandbyControl, "app-us-west-2", on: false);
        Server.Cluster.Controls.AddAssertionRule(new AssertionRule(RuleArn, "at-least-one-region", [PrimaryControl, StandbyControl], 1));
        await Server.Cluster.TakeDownAsync(DownRegion);
    }

    /// <summary>What the script is told of the seeded world (LOCALCLOUD_WORLD).</summary>
    private Dictionary<string, object> ScriptWorld((string ZoneId, string Healthy, string Unhealthy) zone) => new()
    {
        ["endpoint"] = Server.Endpoint.ToString(),
        ["zoneId"] = zone.ZoneId,
        ["zoneName"] = ZoneName,
        ["recordName"] = RecordName,
        ["albZoneId"] = "Z35SXDOTRQ7X7K",
        ["primaryAlb"] = "primary-alb.us-east-1.elb.amazonaws.com.",
        ["standbyAlb"] = "standby-alb.us-west-2.elb.amazonaws.com.",
        ["healthyCheckId"] = zone.Healthy,
        ["unhealthyCheckId"] = zone.Unhealthy,
        ["ecsRegion"] = StandbyRegion,
        ["ecsPrimaryRegion"] = PrimaryRegion,
        ["cluster"] = "app",
        ["service"] = "web",
        ["desiredCount"] = 6,
        ["primaryDesiredCount"] = 4,
        ["snsRegion"] = StandbyRegion,
        ["topicArn"] = TopicArn,
        ["subject"] = Subject,
        ["message"] = "Failover of app to us-west-2 & back: done",
        ["arc"] = ArcWorld(),
    };

    private Dictionary<string, object> ArcWorld() => new()
    {
        ["endpoints"] = Server.Cluster.Endpoints.Select(e =>
            new Dictionary<string, object> { ["endpoint"] = e.Endpoint.ToString(), ["region"] = e.Region,
            ["up"] = e.Region != DownRegion }).ToList(),
        ["primaryControl"] = PrimaryControl,
        ["standbyControl"] = StandbyControl,
        ["ruleArn"] = RuleArn,
        ["ruleName"] = "at-least-one-region",
    };

    private void ArmFaults()
    {
        var faults = Server.Faults;
        faults.Arm(new FaultRule(LocalService.Route53, "GetHealthCheckStatus", FaultKind.Throttling) { NextCalls = 1 });
        faults.Arm(new FaultRule(LocalService.Route53, "GetHealthCheckStatus", FaultKind.ServiceUnavailable) { NextCalls = 1 });
        faults.Arm(new FaultRule(LocalService.Route53, "ListResourceRecordSets", FaultKind.InternalFailure) { NextCalls = 1 });
        faults.Arm(new FaultRule(LocalService.Route53, "ChangeResourceRecordSets", FaultKind.CustomError)
        {
            NextCalls = 1,
            ErrorCode = "PriorRequestNotComplete",
            Message = "The request was rejected because Route 53 was still processing a prior request.",
        });
        faults.Arm(new FaultRule(LocalService.Ecs, "DescribeServices", FaultKind.Throttling) { NextCalls = 1 });
        faults.Arm(new FaultRule(LocalService.Ecs, "DescribeServices", FaultKind.InternalFailure) { NextCalls = 1 });
        faults.Arm(
            new FaultRule(
            LocalService.Ecs, "UpdateService", FaultKind.Latency) { NextCalls = 1, Latency = TimeSpan.FromMilliseconds(300) });
        faults.Arm(new FaultRule(LocalService.Sns, "Publish", FaultKind.Throttling) { NextCalls = 1 });
        faults.Arm(new FaultRule(LocalService.Sns, "Publish", FaultKind.ServiceUnavailable) { NextCalls = 1 });
    }

    private static Dictionary<string, (bool Ok, string Detail)> ReadReport(string output)
    {
        var line = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()
            ?? throw new InvalidOperationException("The conformance script printed no report.");
        using var report = JsonDocument.Parse(line);
        return report.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("ok").GetBoolean(), c.GetProperty("detail").GetString() ?? string.Empty));
    }
}
