using System.Net;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Http;

namespace FailoverOrchestrator.Tests.Aws.Sns;

public sealed class SnsClientTests : FakeAwsTestBase
{
    private const string TopicArn = "arn:aws:sns:us-west-2:123456789012:failover-alerts";

    [Fact]
    public async Task PublishAsync_SubjectAndAttributes_PostsFormToTheTopicRegion()
    {
        Handler.Respond(HttpStatusCode.OK, Fixture.Read("sns-publish.xml"));
        using var clients = CreateSut();

        var messageId = await clients.Sns.PublishAsync(TopicArn, "Failover", "hello & bye",
            new Dictionary<string, string> { ["kind"] = "failover", ["app"] = "orders" }, default);

        Assert.Equal("567910cd-659e-55d4-8ccb-5aaf14679dc0", messageId);
        var request = Assert.Single(Handler.Requests);
        Assert.Equal("https://sns.us-west-2.amazonaws.com/", request.Uri.ToString());
        Assert.Equal("application/x-www-form-urlencoded", request.Headers["content-type"]);
        Assert.Contains("/us-west-2/sns/aws4_request", request.Headers["authorization"], StringComparison.Ordinal);
        Assert.Equal(
            "Action=Publish&Version=2010-03-31&Message=hello%20%26%20bye&"
                + "TopicArn=arn%3Aaws%3Asns%3Aus-west-2%3A123456789012%3Afailover-alerts&Subject=Failover"
            + "&MessageAttributes.entry.1.Name=kind&MessageAttributes.entry.1.Value.DataType=String&"
                + "MessageAttributes.entry.1.Value.StringValue=failover"
            + "&MessageAttributes.entry.2.Name=app&MessageAttributes.entry.2.Value.DataType=String&"
                + "MessageAttributes.entry.2.Value.StringValue=orders",
            request.Body);
    }

    [Fact]
    public async Task PublishAsync_TopicMissing_ThrowsNotFoundWithoutRetry()
    {
        Handler.Respond(HttpStatusCode.NotFound, Fixture.Read("sns-error-not-found.xml"));
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.Sns.PublishAsync(TopicArn, "s", "m", new Dictionary<string, string>(), default));

        Assert.Equal(("SNS", "Publish", "NotFound", "Topic does not exist"),
            (error.Service, error.Operation, error.ErrorCode, error.AwsMessage));
        Assert.Single(Handler.Requests);
    }

    [Theory]
    [InlineData("<PublishResponse><PublishResult><MessageId>abc")]
    [InlineData("<PublishResponse><PublishResult/></PublishResponse>")]
    [InlineData("<ErrorResponse/>")]
    public async Task PublishAsync_MalformedBody_ThrowsMalformedResponse(string body)
    {
        Handler.Respond(HttpStatusCode.OK, body);
        using var clients = CreateSut();

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.Sns.PublishAsync(TopicArn, "s", "m", new Dictionary<string, string>(), default));

        Assert.Equal(AwsErrorParser.MalformedResponseCode, error.ErrorCode);
    }

    [Theory]
    [InlineData("arn:aws:sns:us-west-2:123456789012:t", "us-west-2")]
    [InlineData("arn:aws-cn:sns:cn-north-1:123456789012:t", "cn-north-1")]
    public void RegionOf_TopicArn_ReturnsItsRegion(string arn, string region)
    {
        Assert.Equal(region, FailoverOrchestrator.Aws.Sns.SnsClient.RegionOf(arn));
    }

    [Theory]
    [InlineData("alerts")]
    [InlineData("arn:aws:sqs:us-west-2:123456789012:q")]
    [InlineData("arn:aws:sns::123456789012:t")]
    public async Task PublishAsync_NotATopicArn_ThrowsArgumentException(string arn)
    {
        using var clients = CreateSut();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            clients.Sns.PublishAsync(arn, "s", "m", new Dictionary<string, string>(), default));

        Assert.Empty(Handler.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("line\nbreak")]
    [InlineData("ünïcode")]
    public async Task PublishAsync_InvalidSubject_ThrowsArgumentException(string subject)
    {
        using var clients = CreateSut();

        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            clients.Sns.PublishAsync(TopicArn, subject, "m", new Dictionary<string, string>(), default));

        Assert.Empty(Handler.Requests);
    }

    [Fact]
    public async Task PublishAsync_SubjectOver100Characters_ThrowsArgumentException()
    {
        using var clients = CreateSut();

        await Assert.ThrowsAsync<ArgumentException>(() =>
            clients.Sns.PublishAsync(TopicArn, new string('x', 101), "m", new Dictionary<string, string>(), default));

        Assert.Empty(Handler.Requests);
    }
}
