using FailoverOrchestrator.Aws.Http;
using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Redaction;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Tests.Redaction;

/// <summary>
/// The one redaction every AWS error goes through, DynamoDB's included, and the escaping of text people read. The
/// echo shapes are AWS's: SigV4's "signature does not match" messages (canonical request with the signed headers,
/// then the string-to-sign) and the Authorization header format of the SigV4 documentation
/// (<c>AWS4-HMAC-SHA256 Credential=…/aws4_request, SignedHeaders=…, Signature=&lt;64 hex&gt;</c>).
/// </summary>
public class SafeTextTests
{
    private const string Token =
        "IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3QtMSJHMEUCIQDfakefakefakefakefakefakefakefakeAiBfakefakefakefakefakefakefakefakefakefakeKvQIIk";
    private const string Signature = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7";

    [Fact]
    public void Redact_DynamoDbInvalidSignatureWithTokenLine_TokenGone()
    {
        var message = $"The request signature we calculated does not match the signature you provided.\n\nThe Canonical String for this "
            + $"request should have been\n'POST\n/\n\nhost:dynamodb.us-east-1.amazonaws.com\nx-amz-security-token:{Token}\n'";

        var redacted = SafeText.Redact(message);

        Assert.DoesNotContain(Token, redacted, StringComparison.Ordinal);
        Assert.EndsWith("[signing details removed]", redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(
        $"denied: Authorization=AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261201/us-east-1/ecs/aws4_request, "
        + $"SignedHeaders=host;x-amz-date, Signature={Signature}")]
    [InlineData(
        $"denied: Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261201/us-east-1/route53/aws4_request, "
        + $"SignedHeaders=host, Signature={Signature}")]
    [InlineData($"bad query X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261201&X-Amz-Signature={Signature}&X-Amz-Security-Token={Token}")]
    [InlineData($"token {Token} expired")]
    public void Redact_SignatureCredentialOrTokenEcho_Removed(string message)
    {
        var redacted = SafeText.Redact(message);

        Assert.DoesNotContain(Signature, redacted, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIAIOSFODNN7EXAMPLE", redacted, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Redact_OrdinaryAwsMessage_Unchanged()
    {
        const string message =
            "Service not found: arn:aws:ecs:us-west-2:111122223333:service/shop-usw2/web (request 0f5b3c2a-7d7e-4d0e-9a51-3c0d5e8f6b21)";

        Assert.Equal(message, SafeText.Redact(message));
        Assert.Equal(message, AwsErrorParser.Redact(message));
    }

    [Theory]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("a\r\nb", "a\\r\\nb")]
    [InlineData("\u001b[31mred", "\\u001B[31mred")]
    [InlineData("abc\u202Edcb", "abc\\u202Edcb")]
    [InlineData("x\u2028y\u2066z\u200Fw", "x\\u2028y\\u2066z\\u200Fw")]
    [InlineData("\u0085next", "\\u0085next")]
    [InlineData("plain text, déjà vu", "plain text, déjà vu")]
    public void Escape_ControlAndBidiCharacters_EscapedVisibly(string text, string expected) =>
        Assert.Equal(expected, SafeText.Escape(text));

    [Fact]
    public void Body_ReasonWithNewlines_CannotForgeALine()
    {
        var result = new FailoverResult { Outcome = Outcome.FailedOver, App = "shop", ActiveRegion = "us-west-2",
            TargetRegion = "us-west-2", Reason = "drill\nOutcome: FAILED BACK\nActive region now: us-east-1" };

        var body = NotificationComposer.Body(result, null);

        Assert.Single(body.Split('\n'), l => l.StartsWith("Outcome:", StringComparison.Ordinal));
        Assert.Single(body.Split('\n'), l => l.StartsWith("Active region now:", StringComparison.Ordinal));
    }
}
