namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>How an invocation ended, as Lambda's Invoke API would tell the caller.</summary>
internal enum InvocationResultKind
{
    /// <summary>The function posted a response (Invoke: 200, no X-Amz-Function-Error).</summary>
    Response,

    /// <summary>The function posted an error (Invoke: 200 with X-Amz-Function-Error: Unhandled).</summary>
    FunctionError,

    /// <summary>The runtime posted init/error; Lambda serves it to the invocation that started the environment.</summary>
    InitError,

    /// <summary>The runtime process exited before answering (Runtime.ExitError).</summary>
    ExitError,

    /// <summary>No answer before the deadline (Lambda: "Task timed out after N seconds").</summary>
    TimedOut,

    /// <summary>Refused before reaching the function: a payload over the limit (413) or a full queue (429).</summary>
    Refused,
}
