using FailoverOrchestrator.Redaction;

namespace FailoverOrchestrator.Runtime;

/// <summary>
/// Lambda's error document, posted to <c>…/invocation/{id}/error</c> and <c>…/init/error</c>; Lambda hands it to the
/// caller (<c>dotnet lambda invoke-function</c> prints it) and to the on-failure destination.
/// </summary>
internal sealed record RuntimeError(string ErrorMessage, string ErrorType, IReadOnlyList<string> StackTrace)
{
    /// <summary>
    /// The exception's type name, message and stack, then each inner exception's, so the cause is not lost; every message
    /// goes through the same redaction as the logs, because Lambda hands this document to the caller and the on-failure queue.
    /// </summary>
    public static RuntimeError From(Exception exception)
    {
        var stack = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current != exception)
            {
                stack.Add($"--- caused by {current.GetType().Name}: {SafeText.Redact(current.Message)}");
            }

            stack.AddRange(
                (current.StackTrace ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return new RuntimeError(SafeText.Redact(exception.Message), exception.GetType().Name, stack);
    }
}
