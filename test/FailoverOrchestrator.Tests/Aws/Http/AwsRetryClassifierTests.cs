using System.Net;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Http;
using Polly.Timeout;

namespace FailoverOrchestrator.Tests.Aws.Http;

public class AwsRetryClassifierTests
{
    [Theory]
    [InlineData("Throttling", HttpStatusCode.BadRequest)]
    [InlineData("ThrottlingException", HttpStatusCode.BadRequest)]
    [InlineData("PriorRequestNotComplete", HttpStatusCode.BadRequest)]
    [InlineData("TooManyRequestsException", HttpStatusCode.BadRequest)]
    [InlineData("AnyCode", HttpStatusCode.TooManyRequests)]
    [InlineData("InternalFailure", HttpStatusCode.InternalServerError)]
    [InlineData("ServiceUnavailable", HttpStatusCode.ServiceUnavailable)]
    [InlineData("MalformedResponse", HttpStatusCode.BadGateway)]
    [InlineData("Http504", HttpStatusCode.GatewayTimeout)]
    public void IsRetryable_ThrottlingOrServerError_ReturnsTrue(string code, HttpStatusCode status)
    {
        var retryable = AwsRetryClassifier.IsRetryable(Error(code, status));

        Assert.True(retryable);
    }

    [Theory]
    [InlineData("InvalidChangeBatch", HttpStatusCode.BadRequest)]
    [InlineData("InvalidInput", HttpStatusCode.BadRequest)]
    [InlineData("NoSuchHostedZone", HttpStatusCode.NotFound)]
    [InlineData("NoSuchChange", HttpStatusCode.NotFound)]
    [InlineData("ServiceNotFoundException", HttpStatusCode.BadRequest)]
    [InlineData("ClusterNotFoundException", HttpStatusCode.BadRequest)]
    [InlineData("InvalidParameterException", HttpStatusCode.BadRequest)]
    [InlineData("ValidationException", HttpStatusCode.BadRequest)]
    [InlineData("NotFound", HttpStatusCode.NotFound)]
    [InlineData("AuthorizationError", HttpStatusCode.Forbidden)]
    [InlineData("SignatureDoesNotMatch", HttpStatusCode.Forbidden)]
    [InlineData("MalformedResponse", HttpStatusCode.OK)]
    public void IsRetryable_ValidationOrClientError_ReturnsFalse(string code, HttpStatusCode status)
    {
        var retryable = AwsRetryClassifier.IsRetryable(Error(code, status));

        Assert.False(retryable);
    }

    [Fact]
    public void IsRetryable_TransportFailureOrAttemptTimeout_ReturnsTrue()
    {
        Assert.True(AwsRetryClassifier.IsRetryable(new HttpRequestException("connection reset")));
        Assert.True(AwsRetryClassifier.IsRetryable(new TimeoutRejectedException()));
    }

    [Fact]
    public void IsRetryable_ProgrammingError_ReturnsFalse()
    {
        Assert.False(AwsRetryClassifier.IsRetryable(new ArgumentException("bad id")));
        Assert.False(AwsRetryClassifier.IsRetryable(new OperationCanceledException()));
    }

    private static AwsServiceException Error(string code, HttpStatusCode status) =>
        new("Route53", "GetChange", status, code, "message", "req-1");
}
