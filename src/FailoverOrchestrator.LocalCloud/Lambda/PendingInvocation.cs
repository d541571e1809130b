using System.Diagnostics;

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

    /// <summary>Gets how long ago the event was queued.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(StartedTimestamp);

    /// <summary>Ends the invocation with <paramref name="result"/> as its own (its request id, its duration so far).</summary>
    public void Fail(InvocationResult result) =>
        Result.TrySetResult(result with { RequestId = RequestId, Duration = Elapsed });
}
