namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>One event waiting for, or held by, the function process, and the caller waiting for its result.</summary>
internal sealed class PendingInvocation(string requestId, byte[] payload, DateTimeOffset deadline, string? traceId, long startedTimestamp)
{
    public string RequestId { get; } = requestId;

    public byte[] Payload { get; } = payload;

    public DateTimeOffset Deadline { get; } = deadline;

    public string? TraceId { get; } = traceId;

    public long StartedTimestamp { get; } = startedTimestamp;

    public TaskCompletionSource<InvocationResult> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
