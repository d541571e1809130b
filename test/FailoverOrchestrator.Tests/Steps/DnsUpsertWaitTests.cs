using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Steps;
using FailoverOrchestrator.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static FailoverOrchestrator.Tests.Steps.DnsUpsertRecords;

namespace FailoverOrchestrator.Tests.Steps;

/// <summary>
/// DnsUpsert's wait for INSYNC: the change id recorded before waiting, an earlier attempt's change waited for, and a
/// bounded wait.
/// </summary>
public class DnsUpsertWaitTests
{
    private readonly AwsMocks _aws = new();
    private readonly FakeTimeProvider _time = StepContexts.Clock();

    /// <summary>An earlier attempt recorded its change id before it stopped: the retry finds the record moved and waits for that
    /// change.</summary>
    [Fact]
    public async Task ExecuteAsync_AlreadyAtTargetWithEarlierChangeId_WaitsForThatChange()
    {
        Existing(AtStandby);
        var polls = 0;
        _aws.Route53.Setup(r => r.GetChangeAsync("C9", It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => new ChangeInfo("C9", ++polls < 2 ? "PENDING" : "INSYNC", _time.GetUtcNow()));
        var context = StepContexts.Failover(lease: new RecordedLease("C9"));

        var outcome =
            await FakeClock.RunAsync(_time, () => CreateSut().ExecuteAsync(context, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
        Assert.Contains("change C9 of an earlier attempt INSYNC", outcome.Detail, StringComparison.Ordinal);
        Assert.Equal(2, polls);
        _aws.Route53.Verify(r =>
            r.ChangeResourceRecordSetsAsync(It.IsAny<string>(), It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ExecuteAsync_RecordAtPrimary_RecordsMarkerThenIdBeforeWaiting()
    {
        Existing(AtPrimary);
        _aws.Route53.Setup(r => r.ChangeResourceRecordSetsAsync(Zone, It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChangeInfo("C1", "INSYNC", _time.GetUtcNow()));
        var lease = new RecordedLease(null);

        await CreateSut().ExecuteAsync(StepContexts.Failover(lease: lease), CancellationToken.None);

        Assert.Equal([DnsUpsertStep.SubmittedWithoutId, "C1"], lease.DnsChanges);
        Assert.Equal(1, lease.Renewals);
    }

    [Fact]
    public async Task ExecuteAsync_NeverInSync_FailsAfterTheWait()
    {
        Existing(AtPrimary);
        _aws.Route53.Setup(r => r.ChangeResourceRecordSetsAsync(Zone, It.IsAny<ChangeBatch>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChangeInfo("C4", "PENDING", _time.GetUtcNow()));
        _aws.Route53.Setup(r => r.GetChangeAsync("C4", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChangeInfo("C4", "PENDING", _time.GetUtcNow()));

        var ex = await Assert.ThrowsAsync<StepFailedException>(() =>
            FakeClock.RunAsync(
            _time, () => CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal(StepNames.DnsUpsert, ex.Step);
        Assert.Contains("change C4 is still PENDING after 90s", ex.Message, StringComparison.Ordinal);
    }

    private void Existing(ResourceRecordSet record) => DnsUpsertRecords.Existing(_aws, record);

    private DnsUpsertStep CreateSut() => new(_aws.Route53.Object, _time);
}
