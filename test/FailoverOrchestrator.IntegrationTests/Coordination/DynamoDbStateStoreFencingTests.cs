using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.Coordination;

/// <summary>
/// The holder's fenced writes: every one refused to a stale holder, checkpoints that renew the lease, and the commit
/// that ends the execution Steady in its target.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbStateStoreFencingTests(DynaliteFixture fixture) : DynamoDbStateStoreTestBase(fixture)
{
    [Fact]
    public async Task StaleHolder_EveryFencedWrite_ThrowsLeaseLostAndLeavesItemUnchanged()
    {
        var stale = await _sut.TryAcquireAsync(FailOver("k1", "exec-1", T0), CancellationToken.None);
        await _sut.CheckpointAsync(App, stale!.Epoch, "Preflight", T0 + Lease, CancellationToken.None);
        await _sut.TryAcquireAsync(FailOver("k1", "exec-2", T0 + Lease), CancellationToken.None);
        var current = await _sut.GetAsync(App, CancellationToken.None);

        var lost = new[]
        {
            await Assert.ThrowsAsync<LeaseLostException>(() =>
                _sut.CheckpointAsync(App, stale.Epoch, "EcsScaleUp", T0.AddHours(1), CancellationToken.None)),
            await Assert.ThrowsAsync<LeaseLostException>(() =>
                _sut.CheckpointAsync(App, stale.Epoch, "Preflight", T0.AddHours(1), CancellationToken.None)),
            await Assert.ThrowsAsync<LeaseLostException>(() =>
                _sut.CommitAsync(App, stale.Epoch, Standby, T0.AddHours(1), CancellationToken.None)),
            await Assert.ThrowsAsync<LeaseLostException>(() =>
                _sut.RecordFailureAsync(App, stale.Epoch, "boom", terminal: false, T0.AddHours(1), CancellationToken.None)),
            await Assert.ThrowsAsync<LeaseLostException>(() =>
                _sut.RecordFailureAsync(App, stale.Epoch, "boom", terminal: true, T0.AddHours(1), CancellationToken.None)),
            await Assert.ThrowsAsync<LeaseLostException>(() => _sut.AbandonAsync(App, stale.Epoch, "blocked", CancellationToken.None)),
        };

        Assert.All(lost, e => Assert.Equal(1, e.Epoch));
        Assert.Equal(2, current!.Epoch);
        Assert.Equivalent(current, await _sut.GetAsync(App, CancellationToken.None), strict: true);
    }

    [Fact]
    public async Task CheckpointAsync_SameStepTwice_KeepsOneEntryAndRenewsLease()
    {
        var held = await _sut.TryAcquireAsync(FailOver("k1", "exec-1", T0), CancellationToken.None);

        await _sut.CheckpointAsync(App, held!.Epoch, "Preflight", T0.AddSeconds(70), CancellationToken.None);
        await _sut.CheckpointAsync(App, held.Epoch, "EcsScaleUp", T0.AddSeconds(80), CancellationToken.None);
        await _sut.CheckpointAsync(App, held.Epoch, "EcsScaleUp", T0.AddSeconds(90), CancellationToken.None);

        var state = await _sut.GetAsync(App, CancellationToken.None);
        Assert.Equal(["Preflight", "EcsScaleUp"], state!.CompletedSteps);
        Assert.Equal(T0.AddSeconds(90), state.LeaseExpiresAt);
    }

    [Fact]
    public async Task CommitAsync_Holder_EndsSteadyInTargetAndStartsCooldown()
    {
        var held = await _sut.TryAcquireAsync(FailOver("k1", "exec-1", T0), CancellationToken.None);
        await _sut.CheckpointAsync(App, held!.Epoch, "Preflight", T0 + Lease, CancellationToken.None);

        await _sut.CommitAsync(App, held.Epoch, Standby, T0.AddSeconds(30), CancellationToken.None);

        var state = await _sut.GetAsync(App, CancellationToken.None);
        Assert.Equal(Phase.Steady, state!.Phase);
        Assert.Equal(Standby, state.ActiveRegion);
        Assert.Equal(T0.AddSeconds(30), state.LastTransitionAt);
        Assert.Null(state.LeaseExpiresAt);
        Assert.Null(state.TargetRegion);
        Assert.Equal("exec-1", state.ExecutionId);
        Assert.Equal(1, state.Epoch);
    }
}
