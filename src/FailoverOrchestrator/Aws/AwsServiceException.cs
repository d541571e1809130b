using System.Net;

namespace FailoverOrchestrator.Aws;

/// <summary>An error answer of an AWS service, or a response we could not read. Never carries credentials or signatures.</summary>
internal sealed class AwsServiceException : Exception
{
    public AwsServiceException(string service, string operation, HttpStatusCode statusCode, string errorCode, string message,
        string? requestId, IReadOnlyList<string>? messages = null, Exception? innerException = null)
        : base($"{service} {operation} failed: {errorCode} (HTTP {(int)statusCode}): {message}"
            + (requestId is null ? string.Empty : $" [request {requestId}]"), innerException)
    {
        Service = service;
        Operation = operation;
        StatusCode = statusCode;
        ErrorCode = errorCode;
        AwsMessage = message;
        RequestId = requestId;
        Messages = messages ?? [message];
    }

    public string Service { get; }

    public string Operation { get; }

    public HttpStatusCode StatusCode { get; }

    /// <summary>The AWS error code, without any namespace prefix (for example <c>ThrottlingException</c>).</summary>
    public string ErrorCode { get; }

    public string AwsMessage { get; }

    public string? RequestId { get; }

    /// <summary>Every message of the error (Route 53 InvalidChangeBatch carries several).</summary>
    public IReadOnlyList<string> Messages { get; }
}
