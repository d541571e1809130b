namespace FailoverOrchestrator.Runtime;

/// <summary>One event as <c>GET /2018-06-01/runtime/invocation/next</c> hands it over, with the headers that come with it.</summary>
/// <param name="RequestId">Lambda-Runtime-Aws-Request-Id: names the invocation in the response path and in every log line.</param>
/// <param name="Deadline">Lambda-Runtime-Deadline-Ms: when Lambda stops this invocation.</param>
/// <param name="FunctionArn">Lambda-Runtime-Invoked-Function-Arn: the ARN the caller invoked (it may carry an alias or version).</param>
/// <param name="TraceId">Lambda-Runtime-Trace-Id: the X-Ray trace header, exposed as <c>_X_AMZN_TRACE_ID</c>.</param>
/// <param name="Payload">The event.</param>
internal sealed record RuntimeInvocation(string RequestId, DateTimeOffset Deadline, string? FunctionArn, string? TraceId, byte[] Payload);
