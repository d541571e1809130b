using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Replication;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Tests.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace FailoverOrchestrator.Tests.Replication;

public class ReplicationLagGateTests
{
    private const string East = "us-east-1";
    private const string West = "us-west-2";
    private static readonly string[] Tables = ["shop-orders", "shop-control"];

    private readonly FakeTimeProvider _time = StepContexts.Clock();
    private readonly InMemoryHeartbeats _heartbeats;

    public ReplicationLagGateTests() => _heartbeats = new InMemoryHeartbeats(_time);

    [Fact]
    public async Task CheckAsync_SourceAnswersAndMarkerArrives_BoundIsTheReplicationTimeAndPasses()
    {
        var context = Failover(automatic: true, limit: 120);

        var check = await StepContexts.AdvanceUntilDone(_time, CreateSut().CheckAsync(context, execute: true, CancellationToken.None));

        Assert.Null(check.Block);
        Assert.Null(check.Warning);
        Assert.Equal(RpoEstimate.Heartbeat, check.Rpo.Source);
        Assert.InRange(check.Rpo.BoundSeconds!.Value, 0, 5);
        Assert.Equal(2, _heartbeats.Writes);
        Assert.Contains("reached us-west-2", check.Rpo.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_SourceUnreachableAndOldHeartbeat_AlarmUnderBlockPolicy_BlocksWithTheFigures()
    {
        OldHeartbeatInTarget(TimeSpan.FromSeconds(300));
        _heartbeats.Unreachable.Add(East);
        var context = Failover(automatic: true, limit: 120);

        var check = await CreateSut().CheckAsync(context, execute: true, CancellationToken.None);

        Assert.Equal(300, check.Rpo.BoundSeconds);
        Assert.Equal(_time.GetUtcNow() - TimeSpan.FromSeconds(300), check.Rpo.ReplicatedUntil);
        Assert.Contains("up to 300 s is over MaxReplicationLagSeconds (120 s)", check.Block, StringComparison.Ordinal);
        Assert.Contains("LagPolicy Block", check.Block, StringComparison.Ordinal);
        Assert.Contains("Writes made in us-east-1 after 07:56:05Z, up to 300 s, may be missing in us-west-2", check.Block,
            StringComparison.Ordinal);
        Assert.Equal(0, _heartbeats.Writes);
    }

    [Fact]
    public async Task CheckAsync_OverLimitUnderWarnPolicy_ProceedsWithAWarning()
    {
        OldHeartbeatInTarget(TimeSpan.FromSeconds(300));
        _heartbeats.Unreachable.Add(East);
        var context = Failover(automatic: true, limit: 120, policy: "Warn");

        var check = await CreateSut().CheckAsync(context, execute: true, CancellationToken.None);

        Assert.Null(check.Block);
        Assert.Contains("LagPolicy Warn: proceeding", check.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_OperatorOverLimitWithoutAcceptance_BlocksNamingTheFieldAndTheFigure()
    {
        OldHeartbeatInTarget(TimeSpan.FromSeconds(300));
        _heartbeats.Unreachable.Add(East);

        var check = await CreateSut().CheckAsync(Failover(automatic: false, limit: 120), execute: true, CancellationToken.None);

        Assert.Contains("\"acceptDataLossSeconds\": 300 or more", check.Block, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_OperatorAcceptsAtLeastTheBound_ProceedsAndRecordsTheAcceptedLoss()
    {
        OldHeartbeatInTarget(TimeSpan.FromSeconds(300));
        _heartbeats.Unreachable.Add(East);

        var check = await CreateSut()
            .CheckAsync(Failover(automatic: false, limit: 120, accept: 400), execute: true, CancellationToken.None);

        Assert.Null(check.Block);
        Assert.Equal(400, check.Rpo.AcceptedLossSeconds);
        Assert.Contains("the operator accepted up to 400 s of data loss", check.Warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_OperatorAcceptsLessThanTheBound_Blocks()
    {
        OldHeartbeatInTarget(TimeSpan.FromSeconds(300));
        _heartbeats.Unreachable.Add(East);

        var check = await CreateSut().CheckAsync(Failover(automatic: false, limit: 120, accept: 60), execute: true, CancellationToken.None);

        Assert.Contains("the 60 s of loss accepted is less than the bound of 300 s", check.Block, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_NoHeartbeatAndSourceUnreachable_UnknownBlocksAnAlarmWhenALimitIsSet()
    {
        _heartbeats.Unreachable.Add(East);

        var gated = await CreateSut().CheckAsync(Failover(automatic: true, limit: 120), execute: true, CancellationToken.None);
        var ungated = await CreateSut().CheckAsync(Failover(automatic: true, limit: null), execute: true, CancellationToken.None);

        Assert.Equal(RpoEstimate.Unknown, gated.Rpo.Source);
        Assert.Null(gated.Rpo.BoundSeconds);
        Assert.Contains("replication lag is unknown", gated.Block, StringComparison.Ordinal);
        Assert.Null(ungated.Block);
        Assert.StartsWith("RPO unknown", ungated.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_FailbackWhoseMarkerNeverReachesThePrimary_BlocksAfterTheCatchUpWait()
    {
        _heartbeats.ArrivesAfterReads = null;
        var context = StepContexts.Failback(TestConfig.Shop([new("Orchestrator:Apps:shop:Replication:CatchUpWaitSeconds", "5")]));
        var started = _time.GetUtcNow();

        var check = await StepContexts.AdvanceUntilDone(_time, CreateSut().CheckAsync(context, execute: true, CancellationToken.None));

        Assert.Contains("the old primary us-east-1's replica has not caught up with us-west-2's writes", check.Block,
            StringComparison.Ordinal);
        Assert.True(_time.GetUtcNow() - started >= TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task CheckAsync_Plan_OnlyReadsAndComparesTheReplicas()
    {
        foreach (var table in Tables)
        {
            _heartbeats.Put(East, table, _time.GetUtcNow().AddSeconds(-10), 42);
            _heartbeats.Put(West, table, _time.GetUtcNow().AddSeconds(-70), 41);
        }

        var check = await CreateSut().CheckAsync(Failover(automatic: false, limit: 120), execute: false, CancellationToken.None);

        Assert.Equal(0, _heartbeats.Writes);
        Assert.Equal(70, check.Rpo.BoundSeconds);
        Assert.Contains("us-west-2 holds heartbeat #41, us-east-1 is at #42", check.Rpo.Detail, StringComparison.Ordinal);
    }

    private void OldHeartbeatInTarget(TimeSpan age)
    {
        foreach (var table in Tables)
        {
            _heartbeats.Put(West, table, _time.GetUtcNow() - age, 9);
        }
    }

    private static StepContext Failover(bool automatic, int? limit, string policy = "Block", int? accept = null)
    {
        var app = TestConfig.Shop(
        [
            new("Orchestrator:Apps:shop:Replication:MaxReplicationLagSeconds",
                limit?.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Orchestrator:Apps:shop:Replication:LagPolicy", policy),
        ]);
        var context = StepContexts.Failover(app);
        return new StepContext
        {
            App = app,
            ExecutionId = context.ExecutionId,
            Epoch = context.Epoch,
            Direction = SwitchDirection.Failover,
            SourceRegion = East,
            TargetRegion = West,
            Reason = "test",
            Automatic = automatic,
            AcceptDataLossSeconds = accept,
        };
    }

    private ReplicationLagGate CreateSut() => new(new ReplicationLagProbe(_heartbeats, _time), _time);
}
