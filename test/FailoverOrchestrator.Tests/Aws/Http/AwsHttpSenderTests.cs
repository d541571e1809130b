using System.Net;
using Amazon.Runtime;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Http;
using Moq;

namespace FailoverOrchestrator.Tests.Aws.Http;

public sealed class AwsHttpSenderTests : FakeAwsTestBase
{

    [Fact]
    public async Task SendAsync_RetriedFailure_NeverLogsOrThrowsCredentialsOrSignatures()
    {
        Handler.Respond(HttpStatusCode.BadRequest, Fixture.Read("route53-error-throttling.xml"))
            .Respond(HttpStatusCode.Forbidden,
                "<ErrorResponse><Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not "
                + "match</Message></Error></ErrorResponse>");
        var logs = new RecordingLoggerFactory();
        using var clients = CreateSut(logs: logs);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            FakeTimeDriver.RunAsync(Time, () => clients.Route53.GetChangeAsync("C1", default)));

        var signature = SignatureOf(Handler.Requests[0].Headers["authorization"]);
        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.NotEmpty(logs.Lines);
        foreach (var text in logs.Lines.Append(error.ToString()))
        {
            Assert.DoesNotContain(TestCredentials.SecretKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TestCredentials.SessionToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain(TestCredentials.AccessKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(signature, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Authorization", text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task SendAsync_Completed_LogsOperationStatusAttemptsAndDuration()
    {
        Handler.Respond(HttpStatusCode.OK, Fixture.Read("route53-get-change.xml"));
        var logs = new RecordingLoggerFactory();
        using var clients = CreateSut(logs: logs);

        await clients.Route53.GetChangeAsync("C1", default);

        Assert.Contains(logs.Lines, l =>
            l.Contains("Route53 GetChange completed with HTTP 200 after 1 attempt(s)", StringComparison.Ordinal)
            && l.Contains("DurationMs=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_CredentialsChangeBetweenCalls_SignsEachWithTheCurrentOnes()
    {
        Handler.Respond(HttpStatusCode.OK, Fixture.Read("route53-get-change.xml"));
        var source = new Mock<IAwsCredentialSource>();
        source.SetupSequence(s => s.GetCredentialsAsync())
            .ReturnsAsync(new ImmutableCredentials("AKIDFIRST", "secret-1", "token-1"))
            .ReturnsAsync(new ImmutableCredentials("AKIDSECOND", "secret-2", "token-2"));
        using var clients = CreateSut(credentials: source.Object);

        await clients.Route53.GetChangeAsync("C1", default);
        await clients.Route53.GetChangeAsync("C1", default);

        Assert.Contains("Credential=AKIDFIRST/", Handler.Requests[0].Headers["authorization"], StringComparison.Ordinal);
        Assert.Equal("token-1", Handler.Requests[0].Headers["x-amz-security-token"]);
        Assert.Contains("Credential=AKIDSECOND/", Handler.Requests[1].Headers["authorization"], StringComparison.Ordinal);
        Assert.Equal("token-2", Handler.Requests[1].Headers["x-amz-security-token"]);
    }

    [Fact]
    public async Task SendAsync_EndpointOverrideWithPathPrefix_KeepsThePrefix()
    {
        Handler.Respond(HttpStatusCode.OK, Fixture.Read("route53-get-change.xml"));
        var environment =
            Mock.Of<IEnvironmentVariables>(e => e.GetEnvironmentVariable("AWS_ENDPOINT_URL_ROUTE_53") == "http://127.0.0.1:4566/aws/");
        using var clients = CreateSut(environment: environment);

        await clients.Route53.GetChangeAsync("C1", default);

        Assert.Equal("http://127.0.0.1:4566/aws/2013-04-01/change/C1", Assert.Single(Handler.Requests).Uri.ToString());
    }

    [Fact]
    public void Constructor_InvalidRetryOptions_ThrowsNamingTheSetting()
    {
        var settings = new AwsClientSettings
        {
            Handler = Handler,
            Credentials = new FixedAwsCredentialSource("a", "b"),
            Retry = new AwsRetryOptions { MaxAttempts = 0 },
        };

        var error = Assert.ThrowsAny<Exception>(() => new AwsClientFactory(settings));

        Assert.Contains(nameof(AwsRetryOptions.MaxAttempts), error.Message, StringComparison.Ordinal);
    }

    private static string SignatureOf(string authorization) =>
        authorization[(authorization.IndexOf("Signature=", StringComparison.Ordinal) + "Signature=".Length)..];
}
