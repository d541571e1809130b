using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Tests.TestSupport;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

/// <summary>The change DnsUpsert sends: one batch that points the record at the target region, or none when it already does.</summary>
public class DnsUpsertStepTests : DnsUpsertTestBase
{
    [Fact]
    public async Task ExecuteAsync_RecordAtPrimary_ReplacesInOneBatchAndWaitsForInSync()
    {
        Existing(AtPrimary);
        ChangeBatch? sent = null;
        Aws.Route53.Setup(r => r.ChangeResourceRecordSetsAsync(Zone, It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()))
            .Callback<string, ChangeBatch, CancellationToken>((_, b, _) => sent = b)
            .ReturnsAsync(new ChangeInfo("C1", "PENDING", Time.GetUtcNow()));
        var polls = 0;
        Aws.Route53.Setup(r => r.GetChangeAsync("C1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new ChangeInfo("C1", ++polls < 3 ? "PENDING" : "INSYNC", Time.GetUtcNow()));

        var outcome = await FakeClock.RunAsync(Time, () => CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None),
            TimeSpan.FromSeconds(1));

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
        Assert.NotNull(sent);
        Assert.Equal([ChangeAction.Delete, ChangeAction.Create], sent.Changes.Select(c => c.Action));
        Assert.Equal(AtPrimary, sent.Changes[0].RecordSet);
        Assert.Equal(AtStandby, sent.Changes[1].RecordSet);
        Assert.Null(sent.Changes[1].RecordSet.Ttl);
        Assert.Equal(3, polls);
    }

    [Fact]
    public async Task ExecuteAsync_AlreadyAtTarget_UnchangedWithoutChange()
    {
        Existing(AtStandby with
        {
            AliasTarget = AtStandby.AliasTarget! with { DnsName = "DualStack.shop-usw2-456.us-west-2.elb.amazonaws.com" },
        });

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Unchanged, outcome.Status);
        Aws.Route53.Verify(r =>
            r.ChangeResourceRecordSetsAsync(It.IsAny<string>(), It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ExecuteAsync_WeightedRecord_FailsBeforeAnyChange()
    {
        Existing(AtPrimary with { SetIdentifier = "primary" });

        var ex =
            await Assert.ThrowsAsync<StepFailedException>(() => CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None));

        Assert.Contains("has a routing policy (set identifier 'primary')", ex.Message, StringComparison.Ordinal);
        Aws.Route53.Verify(r =>
            r.ChangeResourceRecordSetsAsync(It.IsAny<string>(), It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ExecuteAsync_RightTargetWrongHealthEvaluation_ChangesIt()
    {
        Existing(AtStandby with { AliasTarget = AtStandby.AliasTarget! with { EvaluateTargetHealth = false } });
        Aws.Route53.Setup(r => r.ChangeResourceRecordSetsAsync(Zone, It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChangeInfo("C6", "INSYNC", Time.GetUtcNow()));

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
    }

    [Fact]
    public async Task ExecuteAsync_NoRecord_CreatesIt()
    {
        Existing(new ResourceRecordSet("www.example.com.", "A", null, 300, ["1.2.3.4"]));
        ChangeBatch? sent = null;
        Aws.Route53.Setup(r => r.ChangeResourceRecordSetsAsync(Zone, It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()))
            .Callback<string, ChangeBatch, CancellationToken>((_, b, _) => sent = b)
            .ReturnsAsync(new ChangeInfo("C2", "INSYNC", Time.GetUtcNow()));

        await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal([ChangeAction.Create], sent!.Changes.Select(c => c.Action));
    }

    [Fact]
    public async Task ExecuteAsync_Cname_UsesTtlAndValue()
    {
        var app = TestConfig.Shop(
        [
            new("Orchestrator:Apps:shop:Dns:RecordType", "CNAME"), new("Orchestrator:Apps:shop:Dns:Ttl", "60"),
            new("Orchestrator:Apps:shop:Regions:us-east-1:TargetHostedZoneId", ""),
                new("Orchestrator:Apps:shop:Regions:us-west-2:TargetHostedZoneId", ""),
        ]);
        Aws.Route53.Setup(r => r.ListResourceRecordSetsAsync(Zone, "api.example.com.", "CNAME", 1, It.IsAny<CancellationToken>()))
            .ReturnsAsync([new ResourceRecordSet("api.example.com.", "CNAME", null, 60, ["shop-use1-123.us-east-1.elb.amazonaws.com"])]);
        ChangeBatch? sent = null;
        Aws.Route53.Setup(r => r.ChangeResourceRecordSetsAsync(Zone, It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()))
            .Callback<string, ChangeBatch, CancellationToken>((_, b, _) => sent = b)
            .ReturnsAsync(new ChangeInfo("C3", "INSYNC", Time.GetUtcNow()));

        await CreateSut().ExecuteAsync(StepContexts.Failover(app), CancellationToken.None);

        var created = sent!.Changes[1].RecordSet;
        Assert.Equal(60, created.Ttl);
        Assert.Null(created.AliasTarget);
        Assert.Equal(["shop-usw2-456.us-west-2.elb.amazonaws.com"], created.ResourceRecords);
    }

    [Fact]
    public async Task ExecuteAsync_Failback_PointsAtThePrimary()
    {
        Existing(AtStandby);
        ChangeBatch? sent = null;
        Aws.Route53.Setup(r => r.ChangeResourceRecordSetsAsync(Zone, It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()))
            .Callback<string, ChangeBatch, CancellationToken>((_, b, _) => sent = b)
            .ReturnsAsync(new ChangeInfo("C5", "INSYNC", Time.GetUtcNow()));

        await CreateSut().ExecuteAsync(StepContexts.Failback(), CancellationToken.None);

        Assert.Equal(AtStandby, sent!.Changes[0].RecordSet);
        Assert.Equal(AtPrimary, sent.Changes[1].RecordSet);
    }

    [Fact]
    public async Task PlanAsync_ReadsButDoesNotChange()
    {
        Existing(AtPrimary);

        var outcome = await CreateSut().PlanAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Planned, outcome.Status);
        Assert.Contains(outcome.Calls, c =>
            c.StartsWith(
            $"route53:ChangeResourceRecordSets zone={Zone} DELETE api.example.com. A alias shop-use1-123", StringComparison.Ordinal));
        Aws.Route53.Verify(r =>
            r.ChangeResourceRecordSetsAsync(It.IsAny<string>(), It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()), Times.Never);
    }
}
