using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Http;
using FailoverOrchestrator.Aws.RecoveryCluster;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.RecoveryCluster;
using Moq;

namespace FailoverOrchestrator.IntegrationTests.LocalCloud;

/// <summary>Our cluster client against LocalCloud's five endpoints over real HTTP: rotation past dead endpoints, and the safety
/// rule.</summary>
public sealed class RoutingControlClusterTests : IAsyncDisposable
{
    private const string East = "arn:aws:route53-recovery-control::123456789012:controlpanel/p/routingcontrol/east";
    private const string West = "arn:aws:route53-recovery-control::123456789012:controlpanel/p/routingcontrol/west";

    private readonly LocalCloudServer _server = LocalCloudServer.Start();
    private readonly AwsClientFactory _clients = new(new AwsClientSettings
    {
        Credentials = new FixedAwsCredentialSource("AKIDLOCALCLOUD", "local-cloud-secret", null),
        Environment = Mock.Of<IEnvironmentVariables>(),
    });

    public RoutingControlClusterTests()
    {
        _server.Cluster.Controls.AddControl(East, "shop-us-east-1", on: true);
        _server.Cluster.Controls.AddControl(West, "shop-us-west-2", on: false);
        _server.Cluster.Controls.AddAssertionRule(
            new AssertionRule(
            "arn:aws:route53-recovery-control::123456789012:controlpanel/p/safetyrule/r", "at-least-one-region", [East, West], 1));
    }

    private IReadOnlyList<ClusterEndpoint> Endpoints => _server.Cluster.Endpoints.Select(e => new ClusterEndpoint(e.Endpoint, e.Region))
        .ToList();

    public async ValueTask DisposeAsync()
    {
        _clients.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task UpdateRoutingControlStatesAsync_TwoEndpointsDown_SwitchesThroughTheThirdSignedForItsRegion()
    {
        await _server.Cluster.TakeDownAsync("us-east-1");
        await _server.Cluster.TakeDownAsync("us-west-2");

        var answer = await _clients.RoutingControls.UpdateRoutingControlStatesAsync(Endpoints,
            [new(West, RoutingControlState.On), new(East, RoutingControlState.Off)], default);

        Assert.Equal("eu-west-1", answer.AnsweredBy.Region);
        Assert.Equal(["us-east-1", "us-west-2"], answer.Failed.Select(f => f.Endpoint.Region));
        Assert.All(answer.Failed, f => Assert.Equal("NetworkError", f.ErrorCode));
        Assert.True(_server.Cluster.Controls.IsOn(West));
        Assert.False(_server.Cluster.Controls.IsOn(East));
        var call = Assert.Single(_server.Calls.Snapshot());
        Assert.Equal((LocalService.RecoveryCluster, "UpdateRoutingControlStates", "eu-west-1", 200),
            (call.Service, call.Operation, call.Region, call.StatusCode));
    }

    [Fact]
    public async Task UpdateRoutingControlStatesAsync_BothRegionsOff_RefusedByTheSafetyRuleOnceAndNothingChanges()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            _clients.RoutingControls.UpdateRoutingControlStatesAsync(Endpoints, [new(East, RoutingControlState.Off)], default));

        Assert.Equal("ConflictException", error.ErrorCode);
        Assert.Contains("at-least-one-region", error.AwsMessage, StringComparison.Ordinal);
        Assert.Single(_server.Calls.Snapshot());
        Assert.True(_server.Cluster.Controls.IsOn(East));
        Assert.Empty(_server.Cluster.Controls.History());
    }
}
