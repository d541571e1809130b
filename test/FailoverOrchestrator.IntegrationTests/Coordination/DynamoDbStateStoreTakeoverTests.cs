using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.Coordination;

/// <summary>
/// Acquiring after an earlier transition or lease: the cooldown (and an operator's zero cooldown), and the takeover of an
/// expired lease that keeps the execution and its checkpoint.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbStateStoreTakeoverTests(DynaliteFixture fixture) : DynamoDbStateStoreTestBase(fixture)
{
    [Fact]
    public async Task TryAcquireAsync_WithinCooldown_ReturnsNullThenSucceedsAfterIt()
    {
        var over = await _sut.TryAcquireAsync(FailOver("k1", "exec-1", T0), CancellationToken.None);
        await _sut.CommitAsync(App, over!.Epoch, Standby, T0.AddMinutes(1), CancellationToken.None);

        var within = await _sut.TryAcquireAsync(FailBack("k2", "exec-2", T0.AddMinutes(1) + Cooldown - TimeSpan.FromMilliseconds(1)),
            CancellationToken.None);
        var after = await _sut.TryAcquireAsync(FailBack("k3", "exec-3", T0.AddMinutes(1) + Cooldown), CancellationToken.None);

        Assert.Null(within);
        Assert.NotNull(after);
        Assert.Equal(Phase.FailingBack, after.Phase);
        Assert.Equal(Primary, after.TargetRegion);
        Assert.Equal(2, after.Epoch);
    }

    [Fact]
    public async Task TryAcquireAsync_ZeroCooldown_IgnoresRecentTransition()
    {
        var over = await _sut.TryAcquireAsync(FailOver("k1", "exec-1", T0), CancellationToken.None);
        await _sut.CommitAsync(App, over!.Epoch, Standby, T0.AddMinutes(1), CancellationToken.None);

        var back = await _sut.TryAcquireAsync(FailBack("op-1", "exec-2", T0.AddMinutes(1)) with { Cooldown = TimeSpan.Zero },
            CancellationToken.None);

        Assert.NotNull(back);
    }

    [Fact]
    public async Task TryAcquireAsync_AfterLeaseExpiry_TakesOverKeepingExecutionAndCheckpoint()
    {
        var first = await _sut.TryAcquireAsync(FailOver("k1", "exec-1", T0), CancellationToken.None);
        await _sut.CheckpointAsync(App, first!.Epoch, "Preflight", T0 + Lease, CancellationToken.None);

        var early = await _sut.TryAcquireAsync(FailOver("k1", "exec-2", T0 + Lease - TimeSpan.FromMilliseconds(1)), CancellationToken.None);
        var late = await _sut.TryAcquireAsync(FailOver("k1", "exec-2", T0 + Lease), CancellationToken.None);

        Assert.Null(early);
        Assert.NotNull(late);
        Assert.Equal("exec-1", late.ExecutionId);
        Assert.Equal("exec-2", late.Holder);
        Assert.Equal("exec-1", first.Holder);
        Assert.Equal(["Preflight"], late.CompletedSteps);
        Assert.Equal(2, late.Epoch);
        Assert.Equal(2, late.Attempts);
        Assert.Equal(T0 + Lease + Lease, late.LeaseExpiresAt);
        Assert.Equal(Phase.FailingOver, late.Phase);
    }

    [Fact]
    public async Task TryAcquireAsync_OtherDirectionWithExpiredLease_ReturnsNull()
    {
        await _sut.TryAcquireAsync(FailOver("k1", "exec-1", T0), CancellationToken.None);

        var back = await _sut.TryAcquireAsync(FailBack("k2", "exec-2", T0.AddHours(1)), CancellationToken.None);

        Assert.Null(back);
    }
}
