using System.Net;
using Polly.Timeout;

namespace FailoverOrchestrator.Aws.Http;

/// <summary>Which failures are worth another attempt: throttling, server errors, timeouts and transport faults; never a validation
/// error.</summary>
internal static class AwsRetryClassifier
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.Ordinal)
    {
        "Throttling",
        "ThrottlingException",
        "ThrottledException",
        "PriorRequestNotComplete",
        "TooManyRequestsException",
        "RequestLimitExceeded",
        "RequestThrottled",
        "RequestThrottledException",
    };

    public static bool IsThrottling(string errorCode) => ThrottlingCodes.Contains(errorCode);

    public static bool IsRetryable(Exception exception) => exception switch
    {
        AwsServiceException aws => IsThrottling(aws.ErrorCode)
            || aws.StatusCode == HttpStatusCode.TooManyRequests
            || (int)aws.StatusCode >= 500,
        HttpRequestException => true,
        TimeoutRejectedException => true,
        _ => false,
    };
}
