using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Coordination.Execution;
using FailoverOrchestrator.State;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FailoverOrchestrator.Tests.Coordination;

/// <summary>The fence before every change: a fenced renewal that counts only while it is fresh on the holder's own monotonic
/// clock.</summary>
public class ExecutionLeaseTests
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task EnsureHeldAsync_RenewalAnsweredPromptly_RenewsOnceWithLeaseFromNow()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));
        var store = new Mock<IStateStore>(MockBehavior.Strict);
        store.Setup(s => s.RenewAsync("shop", 4, time.GetUtcNow() + Lease, It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var sut = CreateSut(store, time);

        await sut.EnsureHeldAsync("route53:ChangeResourceRecordSets", CancellationToken.None);

        store.Verify(s => s.RenewAsync("shop", 4, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(TimeSpan.FromSeconds(40), sut.SafetyMargin);
    }

    /// <summary>The holder stalls while its renewal is in flight: by its own clock the renewal is older than the margin, so it renews again
    /// before acting.</summary>
    [Fact]
    public async Task EnsureHeldAsync_HolderStalledDuringRenewal_RenewsAgainBeforeActing()
    {
        var time = new FakeTimeProvider();
        var store = new Mock<IStateStore>(MockBehavior.Strict);
        var calls = 0;
        store.Setup(s => s.RenewAsync("shop", 4, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                if (calls++ == 0)
                {
                    time.Advance(TimeSpan.FromSeconds(41));
                }

                return Task.CompletedTask;
            });

        await CreateSut(store, time).EnsureHeldAsync("ecs:UpdateService", CancellationToken.None);

        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task EnsureHeldAsync_EveryRenewalTooSlow_RefusesTheChange()
    {
        var time = new FakeTimeProvider();
        var store = new Mock<IStateStore>(MockBehavior.Strict);
        store.Setup(s => s.RenewAsync("shop", 4, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns(() =>
            {
                time.Advance(TimeSpan.FromSeconds(41));
                return Task.CompletedTask;
            });

        var error =
            await Assert.ThrowsAsync<TimeoutException>(() => CreateSut(store, time).EnsureHeldAsync("sns:Publish", CancellationToken.None));

        Assert.Contains("sns:Publish was not made", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EnsureHeldAsync_TakenOver_LeaseLostPropagates()
    {
        var time = new FakeTimeProvider();
        var store = new Mock<IStateStore>(MockBehavior.Strict);
        store.Setup(s => s.RenewAsync("shop", 4, It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new LeaseLostException("shop", 4));

        await Assert.ThrowsAsync<LeaseLostException>(() =>
            CreateSut(store, time).EnsureHeldAsync("step DnsUpsert", CancellationToken.None));
    }

    private static ExecutionLease CreateSut(Mock<IStateStore> store, FakeTimeProvider time) =>
        new(store.Object, new AppState { App = "shop", ActiveRegion = "us-east-1", Phase = Phase.FailingOver, Epoch = 4 }, Lease, time);
}
