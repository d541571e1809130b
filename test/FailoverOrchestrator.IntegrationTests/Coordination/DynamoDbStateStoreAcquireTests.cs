using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.Coordination;

/// <summary>
/// Creating the item and acquiring the lease from Steady: one holder at a time, a trigger key answered once, the
/// direction's source region required.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbStateStoreAcquireTests(DynaliteFixture fixture) : DynamoDbStateStoreTestBase(fixture)
{
    [Fact]
    public async Task EnsureAsync_ItemExists_LeavesItUnchanged()
    {
        var before = await _sut.GetAsync(App, CancellationToken.None);

        await _sut.EnsureAsync(App, Standby, T0, CancellationToken.None);

        Assert.Equivalent(before, await _sut.GetAsync(App, CancellationToken.None), strict: true);
        Assert.Equal(Primary, before!.ActiveRegion);
        Assert.Equal(Phase.Steady, before.Phase);
        Assert.Null(before.LastTransitionAt);
    }

    [Fact]
    public async Task GetAsync_NoItem_ReturnsNull()
    {
        Assert.Null(await _sut.GetAsync("no-such-app", CancellationToken.None));
    }

    [Fact]
    public async Task TryAcquireAsync_FromSteady_StartsExecution()
    {
        var state = await _sut.TryAcquireAsync(FailOver("k1", "exec-1", T0), CancellationToken.None);

        Assert.NotNull(state);
        Assert.Equal(Phase.FailingOver, state.Phase);
        Assert.Equal(Primary, state.ActiveRegion);
        Assert.Equal(Standby, state.TargetRegion);
        Assert.Equal("exec-1", state.ExecutionId);
        Assert.Equal(1, state.Epoch);
        Assert.Equal(1, state.Attempts);
        Assert.Empty(state.CompletedSteps);
        Assert.Equal(T0 + Lease, state.LeaseExpiresAt);
        Assert.Equal("k1", state.LastTriggerKey);
        Assert.Equivalent(state, await _sut.GetAsync(App, CancellationToken.None), strict: true);
    }

    [Fact]
    public async Task TryAcquireAsync_WhileHeld_ReturnsNull()
    {
        await _sut.TryAcquireAsync(FailOver("k1", "exec-1", T0), CancellationToken.None);
        var held = await _sut.GetAsync(App, CancellationToken.None);

        var second = await _sut.TryAcquireAsync(FailOver("k1", "exec-2", T0.AddSeconds(1)), CancellationToken.None);
        var other = await _sut.TryAcquireAsync(FailOver("k2", "exec-3", T0.AddSeconds(1)), CancellationToken.None);

        Assert.Null(second);
        Assert.Null(other);
        Assert.Equivalent(held, await _sut.GetAsync(App, CancellationToken.None), strict: true);
    }

    [Fact]
    public async Task TryAcquireAsync_SameTriggerKeyAfterAbandon_ReturnsNullButNewKeySucceeds()
    {
        var first = await _sut.TryAcquireAsync(FailOver("k1", "exec-1", T0), CancellationToken.None);
        await _sut.AbandonAsync(App, first!.Epoch, "target not ready", CancellationToken.None);
        var abandoned = await _sut.GetAsync(App, CancellationToken.None);

        var sameKey = await _sut.TryAcquireAsync(FailOver("k1", "exec-2", T0.AddSeconds(10)), CancellationToken.None);
        var unchanged = await _sut.GetAsync(App, CancellationToken.None);
        var newKey = await _sut.TryAcquireAsync(FailOver("k2", "exec-3", T0.AddSeconds(10)), CancellationToken.None);

        Assert.Equal(Phase.Steady, abandoned!.Phase);
        Assert.Equal(Primary, abandoned.ActiveRegion);
        Assert.Null(abandoned.LastTransitionAt);
        Assert.Equal("target not ready", abandoned.LastError);
        Assert.Null(sameKey);
        Assert.Equivalent(abandoned, unchanged, strict: true);
        Assert.NotNull(newKey);
        Assert.Equal("exec-3", newKey.ExecutionId);
        Assert.Equal(2, newKey.Epoch);
        Assert.Null(newKey.LastError);
    }

    [Fact]
    public async Task TryAcquireAsync_WrongSourceRegion_ReturnsNull()
    {
        var state = await _sut.TryAcquireAsync(FailBack("k1", "exec-1", T0), CancellationToken.None);

        Assert.Null(state);
        Assert.Equal(0, (await _sut.GetAsync(App, CancellationToken.None))!.Epoch);
    }
}
