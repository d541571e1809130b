using System.Net;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Http;
using FailoverOrchestrator.Tests.TestSupport;
using Xunit.Abstractions;

namespace FailoverOrchestrator.Tests.Aws.Http;

/// <summary>
/// The retry layer, driven through a real client over a fake transport and a fake clock: the backoff and the errors it
/// retries.
/// </summary>
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

        var change = await FakeClock.RunAsync(Time, () => clients.Route53.GetChangeAsync("C0123456789ABCDEF", default));

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

        await FakeClock.RunAsync(Time, () => clients.Route53.GetChangeAsync("C1", default));

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
            FakeClock.RunAsync(Time, () => clients.Route53.GetChangeAsync("C1", default)));

        Assert.Equal(code, error.ErrorCode);
        Assert.Single(Handler.Requests);
    }

    [Fact]
    public async Task SendAsync_AlwaysThrottled_GivesUpAfterMaxAttemptsWithTheLastError()
    {
        Handler.Respond(HttpStatusCode.BadRequest, Fixture.Read("route53-error-throttling.xml"));
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            FakeClock.RunAsync(Time, () => clients.Route53.GetChangeAsync("C1", default)));

        Assert.Equal("Throttling", error.ErrorCode);
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
}
