using System.Net;
using FailoverOrchestrator.Aws.Http;

namespace FailoverOrchestrator.Tests.Aws.Http;

public class AwsErrorParserTests
{
    private static readonly AwsRequest Route53Request =
        new(AwsServiceEndpoint.Route53, "ChangeResourceRecordSets", "us-east-1", HttpMethod.Post, "/");
    private static readonly AwsRequest EcsRequest = new(AwsServiceEndpoint.Ecs, "UpdateService", "eu-west-1", HttpMethod.Post, "/");
    private static readonly AwsRequest SnsRequest = new(AwsServiceEndpoint.Sns, "Publish", "eu-west-1", HttpMethod.Post, "/");

    [Fact]
    public void Parse_Route53Throttling_ReadsCodeMessageAndRequestId()
    {
        var error =
            AwsErrorParser.Parse(Route53Request, HttpStatusCode.BadRequest, Fixture.Read("route53-error-throttling.xml"), null, null);

        Assert.Equal(("Route53", "ChangeResourceRecordSets", HttpStatusCode.BadRequest),
            (error.Service, error.Operation, error.StatusCode));
        Assert.Equal("Throttling", error.ErrorCode);
        Assert.Equal("Rate exceeded", error.AwsMessage);
        Assert.Equal("3d1ba7ec-0d5e-4e31-b2d0-6a2b4d4b9b01", error.RequestId);
    }

    [Fact]
    public void Parse_InvalidChangeBatch_KeepsEveryMessage()
    {
        var error = AwsErrorParser.Parse(Route53Request, HttpStatusCode.BadRequest, Fixture.Read("route53-error-invalid-change-batch.xml"),
            "header-id", null);

        Assert.Equal("InvalidChangeBatch", error.ErrorCode);
        Assert.Equal(2, error.Messages.Count);
        Assert.Contains("was not found", error.Messages[0], StringComparison.Ordinal);
        Assert.Contains("already exists", error.Messages[1], StringComparison.Ordinal);
        Assert.Contains("already exists", error.Message, StringComparison.Ordinal);
        Assert.Equal("header-id", error.RequestId);
    }

    [Fact]
    public void Parse_InvalidChangeBatchInsideErrorResponse_KeepsEveryMessage()
    {
        const string body = "<ErrorResponse><Error><Type>Sender</Type><Code>InvalidChangeBatch</Code><Messages><Message>a</Message>"
            + "<Message>b</Message></Messages></Error><RequestId>r</RequestId></ErrorResponse>";

        var error = AwsErrorParser.Parse(Route53Request, HttpStatusCode.BadRequest, body, null, null);

        Assert.Equal("InvalidChangeBatch", error.ErrorCode);
        Assert.Equal(["a", "b"], error.Messages);
        Assert.Equal("r", error.RequestId);
    }

    [Fact]
    public void Parse_SnsNotFound_ReadsCodeAndMessage()
    {
        var error = AwsErrorParser.Parse(SnsRequest, HttpStatusCode.NotFound, Fixture.Read("sns-error-not-found.xml"), null, null);

        Assert.Equal(("NotFound", "Topic does not exist", "9dd01905-5012-5f99-8663-4b3ecd0dfaef"),
            (error.ErrorCode, error.AwsMessage, error.RequestId));
    }

    [Fact]
    public void Parse_EcsServiceNotFound_ReadsTheOfficialShape()
    {
        var error =
            AwsErrorParser.Parse(EcsRequest, HttpStatusCode.BadRequest, Fixture.Read("ecs-error-service-not-found.json"), "ecs-req", null);

        Assert.Equal(("ECS", "UpdateService", "ServiceNotFoundException", "Service not found.", "ecs-req"),
            (error.Service, error.Operation, error.ErrorCode, error.AwsMessage, error.RequestId));
    }

    [Theory]
    [InlineData("""{"__type":"com.amazonaws.ecs#ServiceNotFoundException","message":"Service not found."}""", "ServiceNotFoundException",
        "Service not found.")]
    [InlineData("""{"__type":"ClusterNotFoundException","message":"Cluster not found."}""", "ClusterNotFoundException",
        "Cluster not found.")]
    [InlineData("""{"__type":"ThrottlingException","Message":"Rate exceeded"}""", "ThrottlingException", "Rate exceeded")]
    [InlineData("""{"__type":"aws.ecs#InvalidParameterException:http://internal.amazon.com/","message":"bad"}""",
        "InvalidParameterException", "bad")]
    public void Parse_EcsJsonError_StripsNamespaceAndReadsMessage(string body, string code, string message)
    {
        var error = AwsErrorParser.Parse(EcsRequest, HttpStatusCode.BadRequest, body, "ecs-req", null);

        Assert.Equal((code, message, "ecs-req"), (error.ErrorCode, error.AwsMessage, error.RequestId));
    }

    [Fact]
    public void Parse_JsonErrorTypeHeader_WinsOverBody()
    {
        var error = AwsErrorParser.Parse(EcsRequest, HttpStatusCode.BadRequest, """{"message":"slow down"}""", null,
            "ThrottlingException:http://internal.amazon.com/");

        Assert.Equal(("ThrottlingException", "slow down"), (error.ErrorCode, error.AwsMessage));
    }

    [Theory]
    [InlineData("<ErrorResponse><Error><Code>Throttling</Code><Mess")]
    [InlineData("<html><body>502 Bad Gateway</body></html>")]
    [InlineData("not xml at all")]
    [InlineData("<ErrorResponse><Error><Message>no code</Message></Error></ErrorResponse>")]
    public void Parse_MalformedXmlError_GivesMalformedResponseWithStatus(string body)
    {
        var error = AwsErrorParser.Parse(Route53Request, HttpStatusCode.BadGateway, body, null, null);

        Assert.Equal(AwsErrorParser.MalformedResponseCode, error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadGateway, error.StatusCode);
        Assert.StartsWith("Malformed response:", error.AwsMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"__type":"ServiceNotFoundExc""")]
    [InlineData("""["not","an","object"]""")]
    [InlineData("""{"message":"no type"}""")]
    public void Parse_MalformedJsonError_GivesMalformedResponse(string body)
    {
        var error = AwsErrorParser.Parse(EcsRequest, HttpStatusCode.BadRequest, body, null, null);

        Assert.Equal(AwsErrorParser.MalformedResponseCode, error.ErrorCode);
    }

    [Fact]
    public void Parse_EmptyBody_UsesTheStatusAsCode()
    {
        var error = AwsErrorParser.Parse(SnsRequest, HttpStatusCode.ServiceUnavailable, string.Empty, null, null);

        Assert.Equal("Http503", error.ErrorCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
    }
}

public class AwsErrorParserRedactionTests
{
    [Fact]
    public void Parse_SignatureDoesNotMatchWithCanonicalString_DropsSigningDetailsAndToken()
    {
        const string token = "IQoJb3JpZ2luX2VjEXAMPLESESSIONTOKEN";
        var body = "<ErrorResponse><Error><Type>Sender</Type><Code>SignatureDoesNotMatch</Code><Message>The request signature we "
            + "calculated does not match the signature you provided. " +
            "Check your AWS Secret Access Key and signing method. Consult the service documentation for details.\n\nThe Canonical String "
                + "for this request should have been\n'POST\n/\n\n" +
            $"content-type:application/x-www-form-urlencoded\nhost:sns.us-east-1.amazonaws.com\nx-amz-date:20260304T080100Z\n" +
            $"x-amz-security-token:{token}\n'\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n20260304T080100Z'\n" +
            "</Message></Error><RequestId>r1</RequestId></ErrorResponse>";
        var request = new AwsRequest(AwsServiceEndpoint.Sns, "Publish", "us-east-1", HttpMethod.Post, "/");

        var error = AwsErrorParser.Parse(request, HttpStatusCode.Forbidden, body, null, null);

        Assert.Equal("SignatureDoesNotMatch", error.ErrorCode);
        Assert.DoesNotContain(token, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(token, error.AwsMessage, StringComparison.Ordinal);
        Assert.All(error.Messages, m => Assert.DoesNotContain(token, m, StringComparison.Ordinal));
        Assert.Contains("does not match the signature you provided", error.AwsMessage, StringComparison.Ordinal);
        Assert.EndsWith("[signing details removed]", error.AwsMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_StrayTokenHeader_Removed()
    {
        Assert.Equal("bad x-amz-security-token:[removed] here", AwsErrorParser.Redact("bad x-amz-security-token:ABC123== here"));
    }
}
