namespace FailoverOrchestrator.LocalCloud.Http;

/// <summary>An AWS error answer, rendered by the failing service in its own protocol.</summary>
internal sealed class ServiceErrorException : Exception
{
    public ServiceErrorException(int statusCode, string code, string message, IReadOnlyList<string>? messages = null)
        : base(message)
    {
        StatusCode = statusCode;
        Code = code;
        Messages = messages ?? [];
    }

    public int StatusCode { get; }

    public string Code { get; }

    /// <summary>Gets whether the caller (4xx) or the service (5xx) is at fault, as the XML error's Type says.</summary>
    public string FaultType => StatusCode >= 500 ? "Receiver" : "Sender";

    /// <summary>Gets the individual messages of a Route 53 InvalidChangeBatch; empty for other errors.</summary>
    public IReadOnlyList<string> Messages { get; }

    public static ServiceErrorException BadRequest(string code, string message) => new(400, code, message);
}
