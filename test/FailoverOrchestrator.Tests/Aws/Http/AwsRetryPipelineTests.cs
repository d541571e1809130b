using System.Net;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Http;
using Xunit.Abstractions;

namespace FailoverOrchestrator.Tests.Aws.Http;

/// <summary>The retry layer, driven through a real client over a fake transport and a fake clock.</summary>
public sealed class AwsRetryPipelineTests : FakeAwsTestBase
{
    private readonly ITestOutputHelper _output;

    public AwsRetryPipelineTests(ITestOutputHelper output)
    {
        _output = output;
    }

    [Fact]
    public async Task SendAsync_ThrottledThenSuccess_RetriesWithGrowingJitteredDelays()
    {
        var throttling = Fixture.Read("route53-error-throttling.xml");
        Handler.Respond(HttpStatusCode.BadRequest, throttling)
            .Respond(HttpStatusCode.BadRequest, throttling)
            .Respond(HttpStatusCode.BadRequest, throttling)
            .Respond(HttpStatusCode.OK, Fixture.Read("route53-get-change.xml"));
        using var clients = CreateSut();

        var change = await FakeTimeDriver.RunAsync(Time, () => clients.Route53.GetChangeAsync("C0123456789ABCDEF", default));

        Assert.True(change.IsInSync);
        var delays = Delays();
        _output.WriteLine($"delays between attempts (ms): {string.Join(", ", delays)}");
        Assert.Equal(3, delays.Count);

        // Half of each ceiling (100, 200, 400 ms) with the jitter draw fixed at 0.5; the driver may add a millisecond or two.
        Assert.InRange(delays[0], 50, 55);
        Assert.InRange(delays[1], 100, 105);
        Assert.InRange(delays[2], 200, 205);
    }

    [Fact]
    public async Task SendAsync_RandomJitter_DelaysStayUnderTheDoublingCeilings()
    {
        Handler.Respond(HttpStatusCode.ServiceUnavailable, string.Empty)
            .Respond(HttpStatusCode.ServiceUnavailable, string.Empty)
            .Respond(HttpStatusCode.TooManyRequests, string.Empty)
            .Respond(HttpStatusCode.OK, Fixture.Read("route53-get-change.xml"));
        var random = new Random(42);
        var draws = new List<double>();
        using var clients = CreateSut(jitterSource: () =>
        {
            var draw = random.NextDouble();
            draws.Add(draw);
            return draw;
        });

        await FakeTimeDriver.RunAsync(Time, () => clients.Route53.GetChangeAsync("C1", default));

        var delays = Delays();
        _output.WriteLine($"draws: {string.Join(", ", draws)}; delays between attempts (ms): {string.Join(", ", delays)}");
        Assert.Equal(3, delays.Count);
        for (var i = 0; i < 3; i++)
        {
            var expected = 100 * Math.Pow(2, i) * draws[i];
            // The fake clock's timers work in whole milliseconds.
            Assert.InRange(delays[i], Math.Floor(expected), expected + 5);
        }
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "route53-error-invalid-change-batch.xml", "InvalidChangeBatch")]
    [InlineData(HttpStatusCode.NotFound, "route53-error-no-such-hosted-zone.xml", "NoSuchHostedZone")]
    public async Task SendAsync_ValidationError_IsNotRetried(HttpStatusCode status, string fixture, string code)
    {
        Handler.Respond(status, Fixture.Read(fixture));
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            FakeTimeDriver.RunAsync(Time, () => clients.Route53.GetChangeAsync("C1", default)));

        Assert.Equal(code, error.ErrorCode);
        Assert.Single(Handler.Requests);
    }

    [Fact]
    public async Task SendAsync_AlwaysThrottled_GivesUpAfterMaxAttemptsWithTheLastError()
    {
        Handler.Respond(HttpStatusCode.BadRequest, Fixture.Read("route53-error-throttling.xml"));
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            FakeTimeDriver.RunAsync(Time, () => clients.Route53.GetChangeAsync("C1", default)));

        Assert.Equal("Throttling", error.ErrorCode);
        Assert.Equal(5, Handler.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_DeadlineBeforeNextRetry_StopsRetryingWithTheRealError()
    {
        Handler.Respond(HttpStatusCode.BadRequest, Fixture.Read("route53-error-throttling.xml"));
        var deadline = new InvocationDeadline { ExpiresAt = Start.AddMilliseconds(200) };
        using var clients = CreateSut(deadline: deadline);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            FakeTimeDriver.RunAsync(Time, () => clients.Route53.GetChangeAsync("C1", default)));

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
            FakeTimeDriver.RunAsync(Time, () => clients.Ecs.UpdateServiceAsync("eu-west-1", "c", "s", 2, default)));

        Assert.Equal("DeadlineExceeded", error.ErrorCode);
        Assert.Single(Handler.Requests);
    }

    [Fact]
    public async Task SendAsync_AttemptTimesOut_IsRetried()
    {
        Handler.Hang().Respond(HttpStatusCode.OK, Fixture.Read("ecs-update-service.json"), "application/x-amz-json-1.1");
        using var clients = CreateSut();

        var service =
            await FakeTimeDriver.RunAsync(Time, () => clients.Ecs.UpdateServiceAsync("eu-west-1", "app-cluster", "web", 4, default));

        Assert.Equal("web", service.ServiceName);
        Assert.Equal(2, Handler.Requests.Count);
        Assert.True(Handler.Requests[1].At - Handler.Requests[0].At >= TimeSpan.FromSeconds(10.05),
            "the retry must wait for the 10 s attempt timeout and then the backoff");
    }

    [Fact]
    public async Task SendAsync_TransportFailureThenSuccess_Retries()
    {
        Handler.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"))
            .Respond(HttpStatusCode.OK, Fixture.Read("sns-publish.xml"));
        using var clients = CreateSut();

        var messageId = await FakeTimeDriver.RunAsync(Time, () =>
            clients.Sns.PublishAsync("arn:aws:sns:eu-west-1:123456789012:t", "s", "m", new Dictionary<string, string>(), default));

        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", messageId);
        Assert.Equal(2, Handler.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_TransportFailsEveryAttempt_ThrowsNetworkError()
    {
        Handler.Throw(new HttpRequestException("Connection refused (127.0.0.1:9)"));
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            FakeTimeDriver.RunAsync(Time, () => clients.Route53.GetChangeAsync("C1", default)));

        Assert.Equal("NetworkError", error.ErrorCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(5, Handler.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_EveryAttemptTimesOut_ThrowsAttemptTimeout()
    {
        Handler.Hang();
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            FakeTimeDriver.RunAsync(Time, () => clients.Route53.GetChangeAsync("C1", default)));

        Assert.Equal("AttemptTimeout", error.ErrorCode);
        Assert.Equal(5, Handler.Requests.Count);
    }

    [Fact]
    public async Task SendAsync_CallerCancelsDuringBackoff_ThrowsOperationCanceled()
    {
        Handler.Respond(HttpStatusCode.BadRequest, Fixture.Read("route53-error-throttling.xml"));
        using var clients = CreateSut();
        using var cancellation = new CancellationTokenSource();

        var call = clients.Route53.GetChangeAsync("C1", cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.Single(Handler.Requests);
    }

    private List<double> Delays() =>
        Handler.Requests.Zip(Handler.Requests.Skip(1), (a, b) => (b.At - a.At).TotalMilliseconds).ToList();

    /// <summary>SNS answers a publish after 15 s, past the 10 s attempt timeout: the page goes out once, not twice.</summary>
    [Fact]
    public async Task SendAsync_PublishAnsweredAfterTheAttemptTimeout_SentOnce()
    {
        Handler.RespondAfter(TimeSpan.FromSeconds(15), HttpStatusCode.OK, Fixture.Read("sns-publish.xml"));
        using var clients = CreateSut();

        var messageId = await FakeTimeDriver.RunAsync(Time, () =>
            clients.Sns.PublishAsync("arn:aws:sns:eu-west-1:123456789012:t", "s", "m", new Dictionary<string, string>(), default));

        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", messageId);
        Assert.Single(Handler.Requests);
    }

    /// <summary>A publish whose connection broke after it may have been sent is not sent again; a refused connection is.</summary>
    [Fact]
    public async Task SendAsync_PublishLostInTransport_NotRepeated()
    {
        Handler.Throw(new HttpRequestException(HttpRequestError.ResponseEnded, "The response ended prematurely"));
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            FakeTimeDriver.RunAsync(
            Time, () =>
            clients.Sns.PublishAsync("arn:aws:sns:eu-west-1:123456789012:t", "s", "m", new Dictionary<string, string>(), default)));

        Assert.Equal("NetworkError", error.ErrorCode);
        Assert.Single(Handler.Requests);
    }
}
