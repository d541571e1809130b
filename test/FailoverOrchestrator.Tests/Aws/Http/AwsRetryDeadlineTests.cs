using System.Net;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Http;
using FailoverOrchestrator.Tests.TestSupport;

namespace FailoverOrchestrator.Tests.Aws.Http;

/// <summary>The retry layer against time: the invocation's deadline and the 10 s attempt timeout, on a fake clock.</summary>
public sealed class AwsRetryDeadlineTests : FakeAwsTestBase
{
    [Fact]
    public async Task SendAsync_DeadlineBeforeNextRetry_StopsRetryingWithTheRealError()
    {
        Handler.Respond(HttpStatusCode.BadRequest, Fixture.Read("route53-error-throttling.xml"));
        var deadline = new InvocationDeadline { ExpiresAt = Start.AddMilliseconds(200) };
        using var clients = CreateSut(deadline: deadline);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            FakeClock.RunAsync(Time, () => clients.Route53.GetChangeAsync("C1", default)));

        // Attempts at 0, 50 and 150 ms; the next wait (200 ms) would end past the 200 ms deadline.
        Assert.Equal("Throttling", error.ErrorCode);
        Assert.Equal(3, Handler.Requests.Count);
        Assert.InRange((Handler.Requests[2].At - Start).TotalMilliseconds, 150, 155);
    }

    [Fact]
    public async Task SendAsync_AttemptHangsPastTheDeadline_ThrowsDeadlineExceeded()
    {
        Handler.Hang();
        var deadline = new InvocationDeadline { ExpiresAt = Start.AddSeconds(3) };
        using var clients = CreateSut(deadline: deadline);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            FakeClock.RunAsync(Time, () => clients.Ecs.UpdateServiceAsync("eu-west-1", "c", "s", 2, default)));

        Assert.Equal("DeadlineExceeded", error.ErrorCode);
        Assert.Single(Handler.Requests);
    }

    [Fact]
    public async Task SendAsync_AttemptTimesOut_IsRetried()
    {
        Handler.Hang().Respond(HttpStatusCode.OK, Fixture.Read("ecs-update-service.json"), "application/x-amz-json-1.1");
        using var clients = CreateSut();

        var service = await FakeClock.RunAsync(Time, () => clients.Ecs.UpdateServiceAsync("eu-west-1", "app-cluster", "web", 4, default));

        Assert.Equal("web", service.ServiceName);
        Assert.Equal(2, Handler.Requests.Count);
        Assert.True(Handler.Requests[1].At - Handler.Requests[0].At >= TimeSpan.FromSeconds(10.05),
            "the retry must wait for the 10 s attempt timeout and then the backoff");
    }

    [Fact]
    public async Task SendAsync_EveryAttemptTimesOut_ThrowsAttemptTimeout()
    {
        Handler.Hang();
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            FakeClock.RunAsync(Time, () => clients.Route53.GetChangeAsync("C1", default)));

        Assert.Equal("AttemptTimeout", error.ErrorCode);
        Assert.Equal(5, Handler.Requests.Count);
    }
}
