using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.Coordination;

/// <summary>
/// A failed attempt released for the retry or marked Failed, the operator's resume of a Failed execution, and the reset
/// that returns an app to Steady and fences the old holder.
/// </summary>
[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbStateStoreFailureTests(DynaliteFixture fixture) : DynamoDbStateStoreTestBase(fixture)
{
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
}
