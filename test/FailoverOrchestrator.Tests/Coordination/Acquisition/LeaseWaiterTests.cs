using FailoverOrchestrator.Coordination.Acquisition;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FailoverOrchestrator.Tests.Coordination.Acquisition;

/// <summary>Whether a contender waits out another holder's lease, and how the wait reads the item, on a fake clock.</summary>
public class LeaseWaiterTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// The clock moves 50 ms a step: every time asserted below is a multiple of it, so the reads land exactly on them,
    /// and the driver takes 60 steps for three seconds instead of 3,000 (each step spins while other tests keep the
    /// thread pool busy).
    /// </summary>
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(50);

    /// <summary>Row: the phase, the lease's expiry relative to now in ms (none: no lease), whether it is live elsewhere.</summary>
    public static TheoryData<string, int?, bool> LiveCases => new()
    {
        { nameof(Phase.FailingOver), 1, true },
        { nameof(Phase.FailingBack), 60_000, true },
        { nameof(Phase.FailingOver), 0, false },
        { nameof(Phase.FailingBack), -1, false },
        { nameof(Phase.FailingOver), null, false },
        { nameof(Phase.Steady), 60_000, false },
        { nameof(Phase.Failed), 60_000, false },
    };

    [Theory]
    [MemberData(nameof(LiveCases))]
    public void IsLiveElsewhere_DecisionTable_LiveOnlyWhileAnExecutionHoldsAnUnexpiredLease(string phase, int? expiresInMs, bool live)
    {
        var state = new AppState { App = "shop", ActiveRegion = "us-east-1", Phase = Enum.Parse<Phase>(phase),
            LeaseExpiresAt = expiresInMs is { } ms ? Now.AddMilliseconds(ms) : null };

        Assert.Equal(live, LeaseWaiter.IsLiveElsewhere(state, Now));
    }

    [Fact]
    public void IsLiveElsewhere_NoStateItem_NotLive()
    {
        Assert.False(LeaseWaiter.IsLiveElsewhere(null, Now));
    }

    [Fact]
    public async Task WaitAsync_HolderCompletes_ReadsOnceASecondUntilItIsDone()
    {
        var time = new FakeTimeProvider(Now);
        var live = State(Phase.FailingOver, Now.AddMinutes(2));
        var reads = Reads(time, live, live, live, State(Phase.Steady, null));

        var state = await FakeClock.RunAsync(time, () => LeaseWaiter.WaitAsync(reads.Store, "shop", time, CancellationToken.None), Step);

        Assert.Equal(Phase.Steady, state!.Phase);
        Assert.Equal([0, 1_000, 2_000, 3_000], reads.At.Select(at => (at - Now).TotalMilliseconds));
    }

    [Fact]
    public async Task WaitAsync_LeaseExpiresBetweenReads_ReadsJustAfterExpiryNotASecondLater()
    {
        var time = new FakeTimeProvider(Now);
        var live = State(Phase.FailingOver, Now.AddMilliseconds(1_300));
        var reads = Reads(time, live, live, live);

        var state = await FakeClock.RunAsync(time, () => LeaseWaiter.WaitAsync(reads.Store, "shop", time, CancellationToken.None), Step);

        Assert.Equal(Phase.FailingOver, state!.Phase);
        Assert.Equal([0, 1_000, 1_350], reads.At.Select(at => (at - Now).TotalMilliseconds));
    }

    private static AppState State(Phase phase, DateTimeOffset? expires) =>
        new() { App = "shop", ActiveRegion = "us-east-1", Phase = phase, ExecutionId = "exec-1", LeaseExpiresAt = expires };

    /// <summary>
    /// A store that answers <paramref name="states"/> in turn (the last one again after that), noting when each read came.
    /// </summary>
    private static (IStateStore Store, List<DateTimeOffset> At) Reads(TimeProvider time, params AppState[] states)
    {
        var at = new List<DateTimeOffset>();
        var store = new Mock<IStateStore>(MockBehavior.Strict);
        store.Setup(s => s.GetAsync("shop", It.IsAny<CancellationToken>())).ReturnsAsync(() =>
        {
            lock (at)
            {
                at.Add(time.GetUtcNow());
                return states[Math.Min(at.Count, states.Length) - 1];
            }
        });
        return (store.Object, at);
    }
}
