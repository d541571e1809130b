namespace FailoverOrchestrator.LocalCloud.Http;

/// <summary>An HTTP response of a service, before the server writes it.</summary>
internal sealed record LocalResponse(int StatusCode, string ContentType, string Body)
{
    /// <summary>Gets the AWS error code when the response is an error, for the call log.</summary>
    public string? ErrorCode { get; init; }
}
