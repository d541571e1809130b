using System.Text;

namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>What an invocation answered: the response or error document, the error type header, and how long it took.</summary>
internal sealed record InvocationResult(InvocationResultKind Kind, string RequestId, byte[] Body, string? ErrorType, TimeSpan Duration)
{
    public string Text => Encoding.UTF8.GetString(Body);

    public static InvocationResult Error(InvocationResultKind kind, string requestId, string errorType, string message,
        TimeSpan duration) =>
        new(kind, requestId,
            Encoding.UTF8.GetBytes(
            System.Text.Json.JsonSerializer.Serialize(
            new Dictionary<string, string> { ["errorMessage"] = message, ["errorType"] = errorType })), errorType, duration);
}
