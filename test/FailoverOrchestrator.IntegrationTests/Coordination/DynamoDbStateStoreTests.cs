using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.Coordination;

[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbStateStoreTests(DynaliteFixture fixture) : IAsyncLifetime
{
    private const string App = "shop";
    private const string Primary = "us-east-1";
    private const string Standby = "us-west-2";
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(5);

    private DynamoDbStateStore _sut = null!;

    public async Task InitializeAsync()
    {
        _sut = new DynamoDbStateStore(fixture.Clients, DynaliteFixture.Region, await fixture.CreateStateTableAsync());
        await _sut.EnsureAsync(App, Primary, T0.AddDays(-1), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

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

    [Fact]
    public async Task RecordFailureAsync_NotTerminal_ReleasesLeaseForImmediateTakeover()
    {
        var held = await _sut.TryAcquireAsync(FailOver("k1", "exec-1", T0), CancellationToken.None);

        await _sut.RecordFailureAsync(App, held!.Epoch, "DNS throttled", terminal: false, T0.AddSeconds(10), CancellationToken.None);
        var retry = await _sut.TryAcquireAsync(FailOver("k1", "exec-2", T0.AddSeconds(10)), CancellationToken.None);

        Assert.NotNull(retry);
        Assert.Equal("exec-1", retry.ExecutionId);
        Assert.Equal(2, retry.Attempts);
        Assert.Equal("DNS throttled", retry.LastError);
    }

    [Fact]
    public async Task RecordFailureAsync_Terminal_MarksFailedOnceAndResumeRestartsTheExecution()
    {
        var held = await _sut.TryAcquireAsync(FailOver("k1", "exec-1", T0), CancellationToken.None);
        await _sut.CheckpointAsync(App, held!.Epoch, "Preflight", T0 + Lease, CancellationToken.None);

        await _sut.RecordFailureAsync(App, held.Epoch, "ECS never converged", terminal: true, T0.AddSeconds(20), CancellationToken.None);
        await _sut.RecordFailureAsync(App, held.Epoch, "ECS never converged", terminal: true, T0.AddSeconds(20), CancellationToken.None);
        var failed = await _sut.GetAsync(App, CancellationToken.None);
        var acquire = await _sut.TryAcquireAsync(FailOver("k2", "exec-2", T0.AddHours(1)), CancellationToken.None);
        var resumed = await _sut.TryResumeFailedAsync(App, T0.AddHours(1), Lease, CancellationToken.None);
        var again = await _sut.TryResumeFailedAsync(App, T0.AddHours(1), Lease, CancellationToken.None);

        Assert.Equal(Phase.Failed, failed!.Phase);
        Assert.Equal(Phase.FailingOver, failed.FailedPhase);
        Assert.Equal("ECS never converged", failed.LastError);
        Assert.Null(failed.LeaseExpiresAt);
        Assert.Null(acquire);
        Assert.NotNull(resumed);
        Assert.Equal(Phase.FailingOver, resumed.Phase);
        Assert.Null(resumed.FailedPhase);
        Assert.Equal(2, resumed.Epoch);
        Assert.Equal(1, resumed.Attempts);
        Assert.Equal("exec-1", resumed.ExecutionId);
        Assert.Equal(["Preflight"], resumed.CompletedSteps);
        Assert.Equal(T0.AddHours(1) + Lease, resumed.LeaseExpiresAt);
        Assert.Null(again);
        await Assert.ThrowsAsync<LeaseLostException>(() =>
            _sut.CheckpointAsync(App, held.Epoch, "EcsScaleUp", T0.AddHours(2), CancellationToken.None));
    }

    [Fact]
    public async Task ResetAsync_FromFailed_ReturnsSteadyInNamedRegionAndFencesOldHolder()
    {
        var held = await _sut.TryAcquireAsync(FailOver("k1", "exec-1", T0), CancellationToken.None);
        await _sut.RecordFailureAsync(App, held!.Epoch, "boom", terminal: true, T0.AddSeconds(5), CancellationToken.None);

        var reset = await _sut.ResetAsync(App, Standby, T0.AddMinutes(10), CancellationToken.None);

        var state = await _sut.GetAsync(App, CancellationToken.None);
        Assert.True(reset);
        Assert.Equal(Phase.Steady, state!.Phase);
        Assert.Equal(Standby, state.ActiveRegion);
        Assert.Equal(T0.AddMinutes(10), state.LastTransitionAt);
        Assert.Null(state.FailedPhase);
        Assert.Equal(2, state.Epoch);
        await Assert.ThrowsAsync<LeaseLostException>(() =>
            _sut.CommitAsync(App, held.Epoch, Primary, T0.AddMinutes(11), CancellationToken.None));
    }

    [Fact]
    public async Task ResetAsync_SteadyOrLiveLease_ReturnsFalse()
    {
        var steady = await _sut.ResetAsync(App, Standby, T0, CancellationToken.None);
        await _sut.TryAcquireAsync(FailOver("k1", "exec-1", T0), CancellationToken.None);
        var held = await _sut.GetAsync(App, CancellationToken.None);

        var live = await _sut.ResetAsync(App, Standby, T0 + Lease - TimeSpan.FromMilliseconds(1), CancellationToken.None);
        var unchanged = await _sut.GetAsync(App, CancellationToken.None);
        var expired = await _sut.ResetAsync(App, Primary, T0 + Lease, CancellationToken.None);

        Assert.False(steady);
        Assert.False(live);
        Assert.Equivalent(held, unchanged, strict: true);
        Assert.True(expired);
    }

    private static AcquireRequest FailOver(string triggerKey, string executionId, DateTimeOffset now) => new()
    {
        App = App,
        ExecutionId = executionId,
        SourceRegion = Primary,
        TargetRegion = Standby,
        Phase = Phase.FailingOver,
        TriggerKey = triggerKey,
        Now = now,
        Lease = Lease,
        Cooldown = Cooldown,
    };

    private static AcquireRequest FailBack(string triggerKey, string executionId, DateTimeOffset now) =>
        FailOver(triggerKey, executionId, now) with { SourceRegion = Standby, TargetRegion = Primary, Phase = Phase.FailingBack };
}
