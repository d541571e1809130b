using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Aws.Http;

/// <summary>Log lines of AWS calls. They carry operation, status, attempt and duration; never headers, credentials or signatures.</summary>
internal static partial class AwsLog
{
    [LoggerMessage(EventId = 3001, Level = LogLevel.Debug,
        Message = "{Service} {Operation} attempt {Attempt} answered HTTP {Status} in {DurationMs} ms (request {RequestId})")]
    public static partial void AttemptSucceeded(ILogger logger, string service, string operation, int attempt, int status, long durationMs,
        string? requestId);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning,
        Message = "{Service} {Operation} attempt {Attempt} failed with {ErrorCode} (HTTP {Status}) in {DurationMs} ms (request "
        + "{RequestId})")]
    public static partial void AttemptFailed(ILogger logger, string service, string operation, int attempt, string errorCode, int status,
        long durationMs, string? requestId);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "{Service} {Operation} attempt {Attempt} failed in transport after {DurationMs} ms: {Reason}")]
    public static partial void AttemptFaulted(ILogger logger, string service, string operation, int attempt, long durationMs,
        string reason);

    [LoggerMessage(EventId = 3004, Level = LogLevel.Information,
        Message = "{Service} {Operation} retrying after attempt {Attempt} in {DelayMs} ms")]
    public static partial void RetryScheduled(ILogger logger, string service, string operation, int attempt, long delayMs);

    [LoggerMessage(EventId = 3005, Level = LogLevel.Warning,
        Message = "{Service} {Operation} not retried after attempt {Attempt}: a {DelayMs} ms wait would pass the invocation deadline")]
    public static partial void RetryWouldPassDeadline(ILogger logger, string service, string operation, int attempt, long delayMs);

    [LoggerMessage(EventId = 3006, Level = LogLevel.Information,
        Message = "{Service} {Operation} completed with HTTP {Status} after {Attempts} attempt(s) in {DurationMs} ms")]
    public static partial void CallCompleted(ILogger logger, string service, string operation, int status, int attempts, long durationMs);
}
