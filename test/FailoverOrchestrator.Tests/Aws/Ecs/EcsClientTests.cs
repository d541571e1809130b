using System.Net;
using System.Text.Json.Nodes;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Http;

namespace FailoverOrchestrator.Tests.Aws.Ecs;

public sealed class EcsClientTests : FakeAwsTestBase
{
    private const string JsonContentType = "application/x-amz-json-1.1";

    [Fact]
    public async Task UpdateServiceAsync_DesiredCount_PostsJsonToTheRegionAndReadsService()
    {
        Handler.Respond(HttpStatusCode.OK, Fixture.Read("ecs-update-service.json"), JsonContentType);
        using var clients = CreateSut();

        var service = await clients.Ecs.UpdateServiceAsync("eu-west-1", "app-cluster", "web", 4, default);

        Assert.Equal(("web", "ACTIVE", 4, 1, 3),
            (service.ServiceName, service.Status, service.DesiredCount, service.RunningCount, service.PendingCount));
        Assert.Equal("arn:aws:ecs:eu-west-1:123456789012:service/app-cluster/web", service.ServiceArn);
        var request = Assert.Single(Handler.Requests);
        Assert.Equal("https://ecs.eu-west-1.amazonaws.com/", request.Uri.ToString());
        Assert.Equal("AmazonEC2ContainerServiceV20141113.UpdateService", request.Headers["x-amz-target"]);
        Assert.Equal(JsonContentType, request.Headers["content-type"]);
        Assert.Equal("""{"service":"web","cluster":"app-cluster","desiredCount":4}""", request.Body);
        Assert.Contains("/eu-west-1/ecs/aws4_request", request.Headers["authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeServicesAsync_OneMissing_ReadsServicesAndFailures()
    {
        Handler.Respond(HttpStatusCode.OK, Fixture.Read("ecs-describe-services.json"), JsonContentType);
        using var clients = CreateSut();

        var result = await clients.Ecs.DescribeServicesAsync("eu-west-1", "app-cluster", ["web", "worker"], default);

        var service = Assert.Single(result.Services);
        Assert.Equal(("web", 4, 4), (service.ServiceName, service.DesiredCount, service.RunningCount));
        var failure = Assert.Single(result.Failures);
        Assert.Equal("MISSING", failure.Reason);
        var body = JsonNode.Parse(Assert.Single(Handler.Requests).Body)!;
        Assert.Equal("app-cluster", body["cluster"]!.GetValue<string>());
        Assert.Equal(["web", "worker"], body["services"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Theory]
    [InlineData("ServiceNotFoundException")]
    [InlineData("ClusterNotFoundException")]
    [InlineData("InvalidParameterException")]
    public async Task UpdateServiceAsync_ClientError_ThrowsItsCodeWithoutRetry(string code)
    {
        Handler.Respond(HttpStatusCode.BadRequest, $$"""{"__type":"com.amazonaws.ecs#{{code}}","message":"nope"}""", JsonContentType,
            "ecs-request-7");
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Ecs.UpdateServiceAsync("eu-west-1", "c", "s", 1, default));

        Assert.Equal(("ECS", "UpdateService", code, "nope", "ecs-request-7"),
            (error.Service, error.Operation, error.ErrorCode, error.AwsMessage, error.RequestId));
        Assert.Single(Handler.Requests);
    }

    [Fact]
    public async Task UpdateServiceAsync_ThrottlingExceptionThenSuccess_Retries()
    {
        Handler.Respond(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""", JsonContentType)
            .Respond(HttpStatusCode.OK, Fixture.Read("ecs-update-service.json"), JsonContentType);
        using var clients = CreateSut();

        var service =
            await FakeTimeDriver.RunAsync(Time, () => clients.Ecs.UpdateServiceAsync("eu-west-1", "app-cluster", "web", 4, default));

        Assert.Equal("web", service.ServiceName);
        Assert.Equal(2, Handler.Requests.Count);
    }

    [Theory]
    [InlineData("""{"service":{"serviceName":"web","serviceArn":"arn","status":"ACTIVE","desiredCount":4""")]
    [InlineData(
        """{"service":{"serviceName":"web","serviceArn":"arn","status":"ACTIVE","desiredCount":"4","runningCount":1,"pendingCount":0}}""")]
    [InlineData("""{"service":{"serviceName":"web","serviceArn":"arn","desiredCount":4,"runningCount":1,"pendingCount":0}}""")]
    [InlineData("""{"services":[]}""")]
    [InlineData("null")]
    [InlineData("")]
    public async Task UpdateServiceAsync_MalformedBody_ThrowsMalformedResponse(string body)
    {
        Handler.Respond(HttpStatusCode.OK, body, JsonContentType);
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Ecs.UpdateServiceAsync("eu-west-1", "c", "s", 1, default));

        Assert.Equal(AwsErrorParser.MalformedResponseCode, error.ErrorCode);
    }

    [Fact]
    public async Task DescribeServicesAsync_TruncatedBody_ThrowsMalformedResponse()
    {
        var body = Fixture.Read("ecs-describe-services.json");
        Handler.Respond(HttpStatusCode.OK, body[..(body.Length / 2)], JsonContentType);
        using var clients = CreateSut();

        var error =
            await Assert.ThrowsAsync<AwsServiceException>(() => clients.Ecs.DescribeServicesAsync("eu-west-1", "c", ["s"], default));

        Assert.Equal(AwsErrorParser.MalformedResponseCode, error.ErrorCode);
        Assert.Contains("DescribeServices", error.Message, StringComparison.Ordinal);
    }
}
