using System.Net;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.DynamoDb;

namespace FailoverOrchestrator.Tests.Aws.DynamoDb;

/// <summary>The SDK's errors become the one AWS error type at the adapters, redacted and without the SDK's exception.</summary>
public class DynamoDbCallsTests
{
    private const string Token = "IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3QtMSJHMEUCIQDfakefakefakefakefakefakefakefakeAiBfakefake";

    [Fact]
    public async Task RunAsync_ServiceErrorEchoesSigningDetails_ThrowsRedactedAwsServiceExceptionWithoutSdkCause()
    {
        var echo = $"The request signature we calculated does not match.\n\nThe Canonical String for this request should have "
            + $"been\n'POST\n/\nx-amz-security-token:{Token}\n'";

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => DynamoDbCalls.RunAsync<int>(
            "UpdateItem", () =>
                throw new AmazonDynamoDBException(echo, ErrorType.Sender, "InvalidSignatureException", "REQ1", HttpStatusCode.BadRequest)));

        Assert.Equal("DynamoDB", error.Service);
        Assert.Equal("UpdateItem", error.Operation);
        Assert.Equal("InvalidSignatureException", error.ErrorCode);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
        Assert.Equal("REQ1", error.RequestId);
        Assert.DoesNotContain(Token, error.Message, StringComparison.Ordinal);
        Assert.Contains("[signing details removed]", error.AwsMessage, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }

    [Fact]
    public async Task RunAsync_ClientError_ThrowsAwsServiceExceptionNamedClientError()
    {
        var error = await Assert.ThrowsAsync<AwsServiceException>(() => DynamoDbCalls.RunAsync<int>(
            "GetItem", () => throw new AmazonClientException("Unable to connect to the remote server")));

        Assert.Equal("ClientError", error.ErrorCode);
        Assert.Equal("DynamoDB GetItem failed: ClientError (HTTP 0): Unable to connect to the remote server", error.Message);
    }

    [Fact]
    public async Task RunConditionalAsync_ConditionFailed_ReturnsNull()
    {
        var response = await DynamoDbCalls.RunConditionalAsync<PutItemResponse>(
            "PutItem", () => throw new ConditionalCheckFailedException("The conditional request failed"));

        Assert.Null(response);
    }

    [Fact]
    public void For_PlaceholdersOfItemAttributes_NamesOnlyThoseUsed()
    {
        var names = ExpressionNames.For(StateItem.Attributes, "#phase = :steady AND #epoch = :epoch", "SET #leaseExpiresAt = :lease");

        Assert.Equal(
            new Dictionary<string, string> { ["#phase"] = "phase", ["#epoch"] = "epoch", ["#leaseExpiresAt"] = "leaseExpiresAt" },
            names);
    }

    [Fact]
    public void For_NoPlaceholder_ReturnsNull()
    {
        Assert.Null(ExpressionNames.For(StateItem.Attributes, ":a = :b"));
    }

    [Fact]
    public void For_PlaceholderOfNoAttribute_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => ExpressionNames.For(StateItem.Attributes, "#phaze = :steady"));

        Assert.Contains("'#phaze'", error.Message, StringComparison.Ordinal);
    }
}
