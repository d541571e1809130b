using System.Net;
using System.Net.Sockets;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.RecoveryCluster;

namespace FailoverOrchestrator.Tests.Aws.RecoveryCluster;

public sealed class RoutingControlClientTests : FakeAwsTestBase
{
    private const string JsonContentType = "application/x-amz-json-1.0";
    private const string EastArn = "arn:aws:route53-recovery-control::123456789012:controlpanel/abc/routingcontrol/east";
    private const string WestArn = "arn:aws:route53-recovery-control::123456789012:controlpanel/abc/routingcontrol/west";

    private static readonly ClusterEndpoint[] Endpoints =
    [
        new(new Uri("https://host-a.route53-recovery-cluster.us-east-1.amazonaws.com/v1"), "us-east-1"),
        new(new Uri("https://host-b.route53-recovery-cluster.us-west-2.amazonaws.com/v1"), "us-west-2"),
        new(new Uri("https://host-c.route53-recovery-cluster.eu-west-1.amazonaws.com/v1"), "eu-west-1"),
        new(new Uri("https://host-d.route53-recovery-cluster.ap-northeast-1.amazonaws.com/v1"), "ap-northeast-1"),
        new(new Uri("https://host-e.route53-recovery-cluster.ap-southeast-2.amazonaws.com/v1"), "ap-southeast-2"),
    ];

    [Fact]
    public async Task UpdateRoutingControlStatesAsync_TwoEntries_PostsOneJson10TransactionSignedForTheEndpointRegion()
    {
        Handler.Respond(HttpStatusCode.OK, "{}", JsonContentType);
        using var clients = CreateSut();

        var answer = await clients.RoutingControls.UpdateRoutingControlStatesAsync(
            Endpoints, [new(WestArn, RoutingControlState.On), new(EastArn, RoutingControlState.Off)], default);

        Assert.Equal("us-east-1", answer.AnsweredBy.Region);
        Assert.Empty(answer.Failed);
        var request = Assert.Single(Handler.Requests);
        Assert.Equal("https://host-a.route53-recovery-cluster.us-east-1.amazonaws.com/v1/", request.Uri.ToString());
        Assert.Equal("ToggleCustomerAPI.UpdateRoutingControlStates", request.Headers["x-amz-target"]);
        Assert.Equal(JsonContentType, request.Headers["content-type"]);
        Assert.Equal(
            $$"""{"UpdateRoutingControlStateEntries":[{"RoutingControlArn":"{{WestArn}}","RoutingControlState":"On"},{"RoutingControlArn":"{{EastArn}}","RoutingControlState":"Off"}]}""",
            request.Body);
        Assert.Contains("/us-east-1/route53-recovery-cluster/aws4_request", request.Headers["authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetRoutingControlStateAsync_TwoEndpointsRefuseConnections_TriesEachSignedForItsOwnRegion()
    {
        Handler
            .Throw(
                new HttpRequestException(
                HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)))
            .Throw(
                new HttpRequestException(
                HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused)))
            .Respond(HttpStatusCode.OK, $$"""{"RoutingControlArn":"{{WestArn}}","RoutingControlState":"On","RoutingControlName":"west"}""",
                JsonContentType);
        using var clients = CreateSut();

        var answer = await clients.RoutingControls.GetRoutingControlStateAsync(Endpoints, WestArn, default);

        Assert.Equal((WestArn, RoutingControlState.On, "west"), (answer.Value.RoutingControlArn, answer.Value.State, answer.Value.Name));
        Assert.Equal("eu-west-1", answer.AnsweredBy.Region);
        Assert.Equal(["us-east-1", "us-west-2"], answer.Failed.Select(f => f.Endpoint.Region));
        Assert.All(answer.Failed, f => Assert.Equal("NetworkError", f.ErrorCode));
        Assert.Equal(
            ["us-east-1", "us-west-2", "eu-west-1"],
            Handler.Requests.Select(r => r.Headers["authorization"].Split('/')[2]));
        Assert.Equal(["host-a", "host-b", "host-c"], Handler.Requests.Select(r => r.Uri.Host.Split('.')[0]));
    }

    [Fact]
    public async Task GetRoutingControlStateAsync_AfterAFailover_StartsAtTheEndpointThatAnsweredLast()
    {
        Handler
            .Respond(HttpStatusCode.ServiceUnavailable, """{"__type":"EndpointTemporarilyUnavailableException","message":"try another"}""",
                JsonContentType)
            .Respond(HttpStatusCode.OK, $$"""{"RoutingControlArn":"{{WestArn}}","RoutingControlState":"Off"}""", JsonContentType);
        using var clients = CreateSut();
        await clients.RoutingControls.GetRoutingControlStateAsync(Endpoints, WestArn, default);

        await clients.RoutingControls.GetRoutingControlStateAsync(Endpoints, WestArn, default);

        Assert.Equal(["host-a", "host-b", "host-b"], Handler.Requests.Select(r => r.Uri.Host.Split('.')[0]));
    }

    [Theory]
    [InlineData(HttpStatusCode.Conflict, "ConflictException")]
    [InlineData(HttpStatusCode.PaymentRequired, "ServiceLimitExceededException")]
    [InlineData(HttpStatusCode.BadRequest, "ValidationException")]
    [InlineData(HttpStatusCode.Forbidden, "AccessDeniedException")]
    public async Task UpdateRoutingControlStatesAsync_RefusedByTheCluster_ThrowsAtOnceWithoutTryingAnotherEndpoint(HttpStatusCode status,
        string code)
    {
        Handler.Respond(status,
            $$"""{"__type":"{{code}}","message":"refused","resourceId":"r","resourceType":"t","limitCode":"l","serviceCode":"s"}""",
            JsonContentType);
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.RoutingControls.UpdateRoutingControlStatesAsync(
            Endpoints, [new(EastArn, RoutingControlState.Off)], default));

        Assert.Equal((code, "refused"), (error.ErrorCode, error.AwsMessage));
        Assert.Single(Handler.Requests);
    }

    [Fact]
    public async Task GetRoutingControlStateAsync_EveryEndpointDown_ThrowsAfterTwoRoundsNamingEachRegion()
    {
        Handler.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
        using var clients = CreateSut();

        var call = clients.RoutingControls.GetRoutingControlStateAsync(Endpoints, WestArn, default);
        while (!call.IsCompleted)
        {
            Time.Advance(TimeSpan.FromMilliseconds(100));
            await Task.Delay(1);
        }

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => call);
        Assert.Equal("NoClusterEndpointAnswered", error.ErrorCode);
        Assert.Equal(10, Handler.Requests.Count);
        Assert.All(Endpoints, e => Assert.Contains($"{e.Region}: NetworkError", error.AwsMessage, StringComparison.Ordinal));
    }

    [Fact]
    public async Task GetRoutingControlStateAsync_EndpointHangs_MovesOnAfterItsOwnAttemptTimeout()
    {
        Handler.Hang().Respond(HttpStatusCode.OK, $$"""{"RoutingControlArn":"{{WestArn}}","RoutingControlState":"On"}""", JsonContentType);
        using var clients = CreateSut();

        var call = clients.RoutingControls.GetRoutingControlStateAsync(Endpoints, WestArn, default);
        while (Handler.Requests.Count < 1)
        {
            await Task.Delay(1);
        }

        Time.Advance(RoutingControlClient.AttemptTimeout);
        var answer = await call;

        Assert.Equal("us-west-2", answer.AnsweredBy.Region);
        Assert.Equal("AttemptTimeout", Assert.Single(answer.Failed).ErrorCode);
    }

    [Fact]
    public async Task GetRoutingControlStateAsync_StateNeitherOnNorOff_ThrowsMalformedResponse()
    {
        Handler.Respond(HttpStatusCode.OK, $$"""{"RoutingControlArn":"{{WestArn}}","RoutingControlState":"ON"}""", JsonContentType);
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.RoutingControls.GetRoutingControlStateAsync(Endpoints, WestArn, default));

        Assert.Equal("MalformedResponse", error.ErrorCode);
    }
}
