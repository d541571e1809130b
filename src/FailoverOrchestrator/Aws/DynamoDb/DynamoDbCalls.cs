using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using FailoverOrchestrator.Redaction;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>
/// The boundary between the DynamoDB SDK and the rest of the function: every SDK call of the adapters goes through
/// here, and every SDK error leaves as an <see cref="AwsServiceException"/>, the one AWS error type above
/// <c>Aws/</c>. Its message is redacted (an InvalidSignatureException echoes the signed headers, the session token
/// among them) and the SDK exception is not kept as its cause, so nothing above the adapters sees the raw text.
/// </summary>
internal static class DynamoDbCalls
{
    private const string Service = "DynamoDB";

    /// <summary>Runs one SDK call; any SDK error is thrown as an <see cref="AwsServiceException"/>.</summary>
    public static async Task<T> RunAsync<T>(string operation, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (AmazonServiceException e)
        {
            throw Translate(operation, e);
        }
        catch (AmazonClientException e)
        {
            throw Translate(operation, e);
        }
    }

    /// <summary>Runs one conditional SDK call; null when its condition failed, any other error as in <see cref="RunAsync"/>.</summary>
    public static Task<T?> RunConditionalAsync<T>(string operation, Func<Task<T>> call)
        where T : class =>
        RunAsync<T?>(operation, async () =>
        {
            try
            {
                return await call();
            }
            catch (ConditionalCheckFailedException)
            {
                return null;
            }
        });

    /// <summary>The error an AWS answer carried (the SDK has already retried it as far as it would).</summary>
    internal static AwsServiceException Translate(string operation, AmazonServiceException error) =>
        new(Service, operation, error.StatusCode, error.ErrorCode ?? error.GetType().Name, SafeText.Redact(error.Message), error.RequestId);

    /// <summary>No answer, or none the SDK could read (a connection, a timeout, credentials that could not be found).</summary>
    internal static AwsServiceException Translate(string operation, AmazonClientException error) =>
        new(Service, operation, 0, "ClientError", SafeText.Redact(error.Message), requestId: null);
}
