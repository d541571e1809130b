using System.Net;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Tests.TestSupport;

namespace FailoverOrchestrator.Tests.Aws.Http;

/// <summary>
/// The retry layer against a failing transport: a refused connection is retried, a publish that may have been sent
/// is not.
/// </summary>
public sealed class AwsRetryTransportTests : FakeAwsTestBase
{
    [Fact]
    public async Task SendAsync_TransportFailureThenSuccess_Retries()
    {
        Handler.Throw(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"))
            .Respond(HttpStatusCode.OK, Fixture.Read("sns-publish.xml"));
        using var clients = CreateSut();

        var messageId = await FakeClock.RunAsync(Time, () =>
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
            FakeClock.RunAsync(Time, () => clients.Route53.GetChangeAsync("C1", default)));

        Assert.Equal("NetworkError", error.ErrorCode);
        Assert.IsType<HttpRequestException>(error.InnerException);
        Assert.Equal(5, Handler.Requests.Count);
    }

    /// <summary>SNS answers a publish after 15 s, past the 10 s attempt timeout: the page goes out once, not twice.</summary>
    [Fact]
    public async Task SendAsync_PublishAnsweredAfterTheAttemptTimeout_SentOnce()
    {
        Handler.RespondAfter(TimeSpan.FromSeconds(15), HttpStatusCode.OK, Fixture.Read("sns-publish.xml"));
        using var clients = CreateSut();

        var messageId = await FakeClock.RunAsync(Time, () =>
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
            FakeClock.RunAsync(Time, () =>
                clients.Sns.PublishAsync("arn:aws:sns:eu-west-1:123456789012:t", "s", "m", new Dictionary<string, string>(), default)));

        Assert.Equal("NetworkError", error.ErrorCode);
        Assert.Single(Handler.Requests);
    }
}
