using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Tests.TestSupport;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

/// <summary>The app's record in its hosted zone, at the primary's or the standby's load balancer, as Route 53 lists it.</summary>
internal static class DnsUpsertRecords
{
    public const string Zone = "Z111111QQQQQQQ";

    public static readonly ResourceRecordSet AtPrimary =
        new("api.example.com.", "A", new AliasTarget("Z35SXDOTRQ7X7K", "shop-use1-123.us-east-1.elb.amazonaws.com.", true), null, []);

    public static readonly ResourceRecordSet AtStandby =
        new("api.example.com.", "A", new AliasTarget("Z1H1FL5HABSF5", "shop-usw2-456.us-west-2.elb.amazonaws.com.", true), null, []);

    public static void Existing(AwsMocks aws, ResourceRecordSet record) =>
        aws.Route53.Setup(r => r.ListResourceRecordSetsAsync(Zone, "api.example.com.", "A", 1, It.IsAny<CancellationToken>()))
            .ReturnsAsync([record]);
}
