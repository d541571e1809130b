using System.Net;
using System.Text.Json.Nodes;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Http;
using Microsoft.Extensions.Time.Testing;

namespace FailoverOrchestrator.Tests.Aws.Ecs;

public sealed class EcsClientTests : IDisposable
{
    private const string JsonContentType = "application/x-amz-json-1.1";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly FakeAwsHandler _handler;

    public EcsClientTests()
    {
        _handler = new FakeAwsHandler(_time);
    }

    [Fact]
    public async Task UpdateServiceAsync_DesiredCount_PostsJsonToTheRegionAndReadsService()
    {
        _handler.Respond(HttpStatusCode.OK, Fixture.Read("ecs-update-service.json"), JsonContentType);
        using var clients = CreateSut();

        var service = await clients.Ecs.UpdateServiceAsync("eu-west-1", "app-cluster", "web", 4, default);

        Assert.Equal(("web", "ACTIVE", 4, 1, 3), (service.ServiceName, service.Status, service.DesiredCount, service.RunningCount, service.PendingCount));
        Assert.Equal("arn:aws:ecs:eu-west-1:123456789012:service/app-cluster/web", service.ServiceArn);
        var request = Assert.Single(_handler.Requests);
        Assert.Equal("https://ecs.eu-west-1.amazonaws.com/", request.Uri.ToString());
        Assert.Equal("AmazonEC2ContainerServiceV20141113.UpdateService", request.Headers["x-amz-target"]);
        Assert.Equal(JsonContentType, request.Headers["content-type"]);
        Assert.Equal("""{"service":"web","cluster":"app-cluster","desiredCount":4}""", request.Body);
        Assert.Contains("/eu-west-1/ecs/aws4_request", request.Headers["authorization"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DescribeServicesAsync_OneMissing_ReadsServicesAndFailures()
    {
        _handler.Respond(HttpStatusCode.OK, Fixture.Read("ecs-describe-services.json"), JsonContentType);
        using var clients = CreateSut();

        var result = await clients.Ecs.DescribeServicesAsync("eu-west-1", "app-cluster", ["web", "worker"], default);

        var service = Assert.Single(result.Services);
        Assert.Equal(("web", 4, 4), (service.ServiceName, service.DesiredCount, service.RunningCount));
        var failure = Assert.Single(result.Failures);
        Assert.Equal("MISSING", failure.Reason);
        var body = JsonNode.Parse(Assert.Single(_handler.Requests).Body)!;
        Assert.Equal("app-cluster", body["cluster"]!.GetValue<string>());
        Assert.Equal(["web", "worker"], body["services"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Theory]
    [InlineData("ServiceNotFoundException")]
    [InlineData("ClusterNotFoundException")]
    [InlineData("InvalidParameterException")]
    public async Task UpdateServiceAsync_ClientError_ThrowsItsCodeWithoutRetry(string code)
    {
        _handler.Respond(HttpStatusCode.BadRequest, $$"""{"__type":"com.amazonaws.ecs#{{code}}","message":"nope"}""", JsonContentType, "ecs-request-7");
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Ecs.UpdateServiceAsync("eu-west-1", "c", "s", 1, default));

        Assert.Equal(("ECS", "UpdateService", code, "nope", "ecs-request-7"), (error.Service, error.Operation, error.ErrorCode, error.AwsMessage, error.RequestId));
        Assert.Single(_handler.Requests);
    }

    [Fact]
    public async Task UpdateServiceAsync_ThrottlingExceptionThenSuccess_Retries()
    {
        _handler.Respond(HttpStatusCode.BadRequest, """{"__type":"ThrottlingException","message":"Rate exceeded"}""", JsonContentType)
            .Respond(HttpStatusCode.OK, Fixture.Read("ecs-update-service.json"), JsonContentType);
        using var clients = CreateSut();

        var service = await FakeTimeDriver.RunAsync(_time, () => clients.Ecs.UpdateServiceAsync("eu-west-1", "app-cluster", "web", 4, default));

        Assert.Equal("web", service.ServiceName);
        Assert.Equal(2, _handler.Requests.Count);
    }

    [Theory]
    [InlineData("""{"service":{"serviceName":"web","serviceArn":"arn","status":"ACTIVE","desiredCount":4""")]
    [InlineData("""{"service":{"serviceName":"web","serviceArn":"arn","status":"ACTIVE","desiredCount":"4","runningCount":1,"pendingCount":0}}""")]
    [InlineData("""{"service":{"serviceName":"web","serviceArn":"arn","desiredCount":4,"runningCount":1,"pendingCount":0}}""")]
    [InlineData("""{"services":[]}""")]
    [InlineData("null")]
    [InlineData("")]
    public async Task UpdateServiceAsync_MalformedBody_ThrowsMalformedResponse(string body)
    {
        _handler.Respond(HttpStatusCode.OK, body, JsonContentType);
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Ecs.UpdateServiceAsync("eu-west-1", "c", "s", 1, default));

        Assert.Equal(AwsErrorParser.MalformedResponseCode, error.ErrorCode);
    }

    [Fact]
    public async Task DescribeServicesAsync_TruncatedBody_ThrowsMalformedResponse()
    {
        var body = Fixture.Read("ecs-describe-services.json");
        _handler.Respond(HttpStatusCode.OK, body[..(body.Length / 2)], JsonContentType);
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Ecs.DescribeServicesAsync("eu-west-1", "c", ["s"], default));

        Assert.Equal(AwsErrorParser.MalformedResponseCode, error.ErrorCode);
        Assert.Contains("DescribeServices", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _handler.Dispose();

    private AwsClientFactory CreateSut() => AwsTestClients.Create(_handler, _time);
}
