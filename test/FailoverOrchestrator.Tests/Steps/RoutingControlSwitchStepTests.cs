using System.Net;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.RecoveryCluster;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Steps;
using FailoverOrchestrator.Tests.TestSupport;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

public sealed class RoutingControlSwitchStepTests
{
    private static readonly KeyValuePair<string, string?>[] RoutingControl =
        [new("Orchestrator:Apps:shop:Dns:Strategy", "RoutingControl"), new("Orchestrator:Region", "us-west-2")];

    private readonly Mock<IRoutingControlClient> _cluster = new(MockBehavior.Strict);
    private readonly StepContext _context = StepContexts.Failover(TestConfig.Shop(RoutingControl));

    private string Standby => _context.App.RoutingControl.ControlArns["us-west-2"];

    private string Primary => _context.App.RoutingControl.ControlArns["us-east-1"];

    private RoutingControlSwitchStep CreateSut() => new(_cluster.Object);

    [Fact]
    public async Task ExecuteAsync_StandbyOff_SwitchesBothInOneTransactionAndReadsBack()
    {
        var reads = new Queue<RoutingControlState>([RoutingControlState.Off, RoutingControlState.On]);
        _cluster.Setup(c =>
            c.GetRoutingControlStateAsync(It.IsAny<IReadOnlyList<ClusterEndpoint>>(), Standby, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Answer(new RoutingControlReading(Standby, reads.Dequeue(), "shop-us-west-2")));
        IReadOnlyList<RoutingControlStateEntry>? sent = null;
        _cluster.Setup(c =>
            c.UpdateRoutingControlStatesAsync(
            It.IsAny<IReadOnlyList<ClusterEndpoint>>(), It.IsAny<IReadOnlyList<RoutingControlStateEntry>>(), It.IsAny<CancellationToken>()))
            .Callback<IReadOnlyList<ClusterEndpoint>, IReadOnlyList<RoutingControlStateEntry>, CancellationToken>((_, entries, _) =>
                sent = entries)
            .ReturnsAsync(
                new ClusterAnswer<bool>(
                true, Endpoint("eu-west-1"), [new EndpointFailure(Endpoint("us-east-1"), "NetworkError", "refused")]));

        var outcome = await CreateSut().ExecuteAsync(_context, default);

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
        Assert.Equal(
            [new RoutingControlStateEntry(Standby, RoutingControlState.On), new RoutingControlStateEntry(Primary, RoutingControlState.Off)],
            sent);
        Assert.Contains("through the cluster endpoint in eu-west-1 (unavailable: us-east-1: NetworkError)", outcome.Detail,
            StringComparison.Ordinal);
        _cluster.Verify(c =>
            c.UpdateRoutingControlStatesAsync(
            It.IsAny<IReadOnlyList<ClusterEndpoint>>(), It.IsAny<IReadOnlyList<RoutingControlStateEntry>>(), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Fact]
    public async Task ExecuteAsync_AlreadySwitched_ChangesNothing()
    {
        _cluster.Setup(c =>
            c.GetRoutingControlStateAsync(It.IsAny<IReadOnlyList<ClusterEndpoint>>(), Standby, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Answer(new RoutingControlReading(Standby, RoutingControlState.On, null)));
        _cluster.Setup(c =>
            c.GetRoutingControlStateAsync(It.IsAny<IReadOnlyList<ClusterEndpoint>>(), Primary, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Answer(new RoutingControlReading(Primary, RoutingControlState.Off, null)));

        var outcome = await CreateSut().ExecuteAsync(_context, default);

        Assert.Equal(StepStatus.Unchanged, outcome.Status);
        _cluster.VerifyAll();
        _cluster.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData("ConflictException", HttpStatusCode.Conflict)]
    [InlineData("ServiceLimitExceededException", HttpStatusCode.PaymentRequired)]
    public async Task ExecuteAsync_UpdateRefused_FailsTerminallyNamingTheManualStep(string code, HttpStatusCode status)
    {
        _cluster.Setup(c =>
            c.GetRoutingControlStateAsync(It.IsAny<IReadOnlyList<ClusterEndpoint>>(), Standby, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Answer(new RoutingControlReading(Standby, RoutingControlState.Off, null)));
        _cluster.Setup(c =>
            c.UpdateRoutingControlStatesAsync(
            It.IsAny<IReadOnlyList<ClusterEndpoint>>(), It.IsAny<IReadOnlyList<RoutingControlStateEntry>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                new AwsServiceException(
                "Route53RecoveryCluster", "UpdateRoutingControlStates", status, code, "violates safety rule at-least-one-region", "r-1"));

        var error = await Assert.ThrowsAsync<StepFailedException>(() => CreateSut().ExecuteAsync(_context, default));

        Assert.True(error.Terminal);
        Assert.Contains($"refused to turn us-west-2 On and us-east-1 Off ({code}: violates safety rule at-least-one-region)", error.Message,
            StringComparison.Ordinal);
        Assert.Contains("--safety-rules-to-override", error.Message, StringComparison.Ordinal);
        _cluster.Verify(c =>
            c.UpdateRoutingControlStatesAsync(
            It.IsAny<IReadOnlyList<ClusterEndpoint>>(), It.IsAny<IReadOnlyList<RoutingControlStateEntry>>(), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Fact]
    public async Task ExecuteAsync_NoEndpointAnswers_FailsForLambdasRetry()
    {
        _cluster.Setup(c =>
            c.GetRoutingControlStateAsync(It.IsAny<IReadOnlyList<ClusterEndpoint>>(), Standby, It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                new AwsServiceException(
                "Route53RecoveryCluster", "GetRoutingControlState", 0, "NoClusterEndpointAnswered", "none answered", null));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => CreateSut().ExecuteAsync(_context, default));

        Assert.Equal("NoClusterEndpointAnswered", error.ErrorCode);
    }

    [Fact]
    public async Task ExecuteAsync_ReadBackOff_Fails()
    {
        _cluster.Setup(c =>
            c.GetRoutingControlStateAsync(It.IsAny<IReadOnlyList<ClusterEndpoint>>(), Standby, It.IsAny<CancellationToken>()))
            .ReturnsAsync(Answer(new RoutingControlReading(Standby, RoutingControlState.Off, null)));
        _cluster.Setup(c =>
            c.UpdateRoutingControlStatesAsync(
            It.IsAny<IReadOnlyList<ClusterEndpoint>>(), It.IsAny<IReadOnlyList<RoutingControlStateEntry>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ClusterAnswer<bool>(true, Endpoint("us-west-2"), []));

        var error = await Assert.ThrowsAsync<StepFailedException>(() => CreateSut().ExecuteAsync(_context, default));

        Assert.False(error.Terminal);
        Assert.Contains("reads routing control", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_Failback_TurnsThePrimaryOnAndTheStandbyOff()
    {
        var failback = StepContexts.Failback(TestConfig.Shop(RoutingControl));
        var reads = new Queue<RoutingControlState>([RoutingControlState.Off, RoutingControlState.On]);
        _cluster.Setup(c =>
            c.GetRoutingControlStateAsync(It.IsAny<IReadOnlyList<ClusterEndpoint>>(), Primary, It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => Answer(new RoutingControlReading(Primary, reads.Dequeue(), null)));
        IReadOnlyList<RoutingControlStateEntry>? sent = null;
        _cluster.Setup(c =>
            c.UpdateRoutingControlStatesAsync(
            It.IsAny<IReadOnlyList<ClusterEndpoint>>(), It.IsAny<IReadOnlyList<RoutingControlStateEntry>>(), It.IsAny<CancellationToken>()))
            .Callback<IReadOnlyList<ClusterEndpoint>, IReadOnlyList<RoutingControlStateEntry>, CancellationToken>((_, entries, _) =>
                sent = entries)
            .ReturnsAsync(new ClusterAnswer<bool>(true, Endpoint("us-east-1"), []));

        await CreateSut().ExecuteAsync(failback, default);

        Assert.Equal(
            [new RoutingControlStateEntry(Primary, RoutingControlState.On), new RoutingControlStateEntry(Standby, RoutingControlState.Off)],
            sent);
    }

    private static ClusterEndpoint Endpoint(string region) =>
        new(new Uri($"https://host.route53-recovery-cluster.{region}.amazonaws.com/v1"), region);

    private static ClusterAnswer<RoutingControlReading> Answer(RoutingControlReading reading) => new(reading, Endpoint("us-west-2"), []);
}
