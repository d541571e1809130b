using System.Globalization;

namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>The error results Lambda itself produces (not the function), worded as Lambda words them.</summary>
internal static class InvocationErrors
{
    public static InvocationResult PayloadTooLarge(string requestId) =>
        InvocationResult.Error(InvocationResultKind.Refused, requestId, "RequestEntityTooLargeException",
            $"Request must be smaller than {RuntimeApiServer.MaxPayloadBytes} bytes for the InvokeFunction operation", TimeSpan.Zero);

    public static InvocationResult QueueFull(string requestId) =>
        InvocationResult.Error(InvocationResultKind.Refused, requestId, "TooManyRequestsException",
            $"more than {RuntimeApiServer.MaxQueued} events are waiting for this environment", TimeSpan.Zero);

    public static InvocationResult TimedOut(string requestId, TimeSpan timeout) =>
        InvocationResult.Error(InvocationResultKind.TimedOut, requestId, "Sandbox.Timedout",
            string.Create(CultureInfo.InvariantCulture, $"{requestId} Task timed out after {timeout.TotalSeconds:0.00} seconds"),
            timeout);

    public static InvocationResult Exited(string message) =>
        InvocationResult.Error(InvocationResultKind.ExitError, string.Empty, "Runtime.ExitError", message, TimeSpan.Zero);

    /// <summary>One invocation at a time: the runtime must answer the event it holds before it asks for another.</summary>
    public static InvocationResult NextWithoutAnswer(PendingInvocation held) =>
        InvocationResult.Error(InvocationResultKind.FunctionError, held.RequestId, "Runtime.InvalidStateTransition",
            "the runtime asked for the next event without answering this one", held.Elapsed);

    public static InvocationResult ResponseTooLarge(string requestId, int limit, TimeSpan duration) =>
        InvocationResult.Error(InvocationResultKind.FunctionError, requestId, "Function.ResponseSizeTooLarge",
            $"Response payload size exceeded maximum allowed payload size ({limit} bytes).", duration);
}
