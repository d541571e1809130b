using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Steps;
using FailoverOrchestrator.Tests.TestSupport;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

/// <summary>
/// DnsUpsert's wait for INSYNC: the change id recorded before waiting, an earlier attempt's change waited for, and a
/// bounded wait.
/// </summary>
public class DnsUpsertWaitTests : DnsUpsertTestBase
{
    /// <summary>An earlier attempt recorded its change id before it stopped: the retry finds the record moved and waits for that
    /// change.</summary>
    [Fact]
    public async Task ExecuteAsync_AlreadyAtTargetWithEarlierChangeId_WaitsForThatChange()
    {
        Existing(AtStandby);
        var polls = 0;
        Aws.Route53.Setup(r => r.GetChangeAsync("C9", It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new ChangeInfo("C9", ++polls < 2 ? "PENDING" : "INSYNC", Time.GetUtcNow()));
        var context = StepContexts.Failover(lease: new RecordedLease("C9"));

        var outcome =
            await FakeClock.RunAsync(Time, () => CreateSut().ExecuteAsync(context, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
        Assert.Contains("change C9 of an earlier attempt INSYNC", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(2, polls);
        Aws.Route53.Verify(r =>
            r.ChangeResourceRecordSetsAsync(It.IsAny<string>(), It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ExecuteAsync_RecordAtPrimary_RecordsMarkerThenIdBeforeWaiting()
    {
        Existing(AtPrimary);
        Aws.Route53.Setup(r => r.ChangeResourceRecordSetsAsync(Zone, It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChangeInfo("C1", "INSYNC", Time.GetUtcNow()));
        var lease = new RecordedLease(null);

        await CreateSut().ExecuteAsync(StepContexts.Failover(lease: lease), CancellationToken.None);

        Assert.Equal([DnsUpsertStep.SubmittedWithoutId, "C1"], lease.DnsChanges);
        Assert.Equal(1, lease.Renewals);
    }

    [Fact]
    public async Task ExecuteAsync_NeverInSync_FailsAfterTheWait()
    {
        Existing(AtPrimary);
        Aws.Route53.Setup(r => r.ChangeResourceRecordSetsAsync(Zone, It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChangeInfo("C4", "PENDING", Time.GetUtcNow()));
        Aws.Route53.Setup(r => r.GetChangeAsync("C4", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChangeInfo("C4", "PENDING", Time.GetUtcNow()));

        var ex = await Assert.ThrowsAsync<StepFailedException>(() =>
            FakeClock.RunAsync(
            Time, () => CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal(StepNames.DnsUpsert, ex.Step);
        Assert.Contains("change C4 is still PENDING after 90s", ex.Message, StringComparison.Ordinal);
    }
}
