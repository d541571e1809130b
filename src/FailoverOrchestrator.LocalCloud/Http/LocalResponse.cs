namespace FailoverOrchestrator.LocalCloud.Http;

/// <summary>An HTTP response of a service, before the server writes it.</summary>
internal sealed record LocalResponse(int StatusCode, string ContentType, string Body)
{
    /// <summary>Gets the AWS error code when the response is an error, for the call log.</summary>
    public string? ErrorCode { get; init; }

    /// <summary>Gets whether the connection is cut instead of answered: the request's region is dark.</summary>
    public bool Refused { get; init; }

    /// <summary>No answer: the host cuts the connection.</summary>
    public static LocalResponse Refusal(string region) =>
        new(0, "text/plain", $"{region} is dark: the connection is cut") { Refused = true, ErrorCode = "ConnectionRefused" };
}
