using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Steps;
using FailoverOrchestrator.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

/// <summary>The app's record in its hosted zone, at the primary's or the standby's load balancer, as Route 53 lists it, and a
/// fake clock for the step's wait.</summary>
public abstract class DnsUpsertTestBase
{
    internal const string Zone = "Z111111QQQQQQQ";

    internal static readonly ResourceRecordSet AtPrimary =
        new("api.example.com.", "A", new AliasTarget("Z35SXDOTRQ7X7K", "shop-use1-123.us-east-1.elb.amazonaws.com.", true), null, []);

    internal static readonly ResourceRecordSet AtStandby =
        new("api.example.com.", "A", new AliasTarget("Z1H1FL5HABSF5", "shop-usw2-456.us-west-2.elb.amazonaws.com.", true), null, []);

    internal AwsMocks Aws { get; } = new();

    internal FakeTimeProvider Time { get; } = StepContexts.Clock();

    internal void Existing(ResourceRecordSet record) =>
        Aws.Route53.Setup(r => r.ListResourceRecordSetsAsync(Zone, "api.example.com.", "A", 1, It.IsAny<CancellationToken>()))
            .ReturnsAsync([record]);

    internal DnsUpsertStep CreateSut() => new(Aws.Route53.Object, Time);
}
