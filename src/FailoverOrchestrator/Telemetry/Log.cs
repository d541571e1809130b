using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Telemetry;

/// <summary>Every log line the function writes. Scopes carry app, executionId and step; nothing here takes a credential.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Cold start: configuration loaded with {AppCount} app(s) in {InitMs} ms")]
    public static partial void ColdStart(ILogger logger, int appCount, long initMs);

    [LoggerMessage(2, LogLevel.Error, "Configuration is invalid: {Errors}")]
    public static partial void ConfigurationInvalid(ILogger logger, string errors);

    [LoggerMessage(3, LogLevel.Information, "Trigger {Source} {Command} ({Subject}): {Detail}")]
    public static partial void TriggerReceived(ILogger logger, string source, string command, string? subject, string detail);

    [LoggerMessage(4, LogLevel.Warning, "Input rejected: {Reason}")]
    public static partial void Rejected(ILogger logger, string reason);

    [LoggerMessage(5, LogLevel.Information, "Outcome {Outcome} for app {App} in {DurationMs} ms: {Reason}")]
    public static partial void Outcome(ILogger logger, string outcome, string? app, long durationMs, string? reason);

    [LoggerMessage(6, LogLevel.Information, "Step {Step} started")]
    public static partial void StepStarted(ILogger logger, string step);

    [LoggerMessage(7, LogLevel.Information, "Step {Step} {Status} in {DurationMs} ms: {Detail}")]
    public static partial void StepFinished(ILogger logger, string step, string status, long durationMs, string detail);

    [LoggerMessage(8, LogLevel.Error, "Step {Step} failed after {DurationMs} ms")]
    public static partial void StepFailed(ILogger logger, string step, long durationMs, Exception exception);

    [LoggerMessage(9, LogLevel.Information, "Lease {Kind} for app {App}: execution {ExecutionId}, epoch {Epoch}, attempt {Attempt}")]
    public static partial void LeaseAcquired(ILogger logger, string kind, string app, string executionId, long epoch, int attempt);

    [LoggerMessage(10, LogLevel.Warning, "Lease lost for app {App} at epoch {Epoch}: stopping")]
    public static partial void LeaseLost(ILogger logger, string app, long epoch);

    [LoggerMessage(11, LogLevel.Error, "Notification of {Outcome} for app {App} failed")]
    public static partial void NotificationFailed(ILogger logger, string app, string outcome, Exception exception);

    [LoggerMessage(12, LogLevel.Error, "Audit write failed for app {App}: {Kind}")]
    public static partial void AuditFailed(ILogger logger, string app, string kind, Exception exception);

    [LoggerMessage(13, LogLevel.Error, "Invocation failed: {Error}")]
    public static partial void InvocationFailed(ILogger logger, string error, Exception exception);

    [LoggerMessage(14, LogLevel.Error,
        "The state table did not take a write for app {App} at epoch {Epoch}; the on-call is paged regardless")]
    public static partial void FailureNotRecorded(ILogger logger, string app, long epoch, Exception exception);

    [LoggerMessage(15, LogLevel.Information, "Invocation of {FunctionArn}: {RemainingMs} ms to its deadline, trace {TraceId}")]
    public static partial void InvocationStarted(ILogger logger, string? functionArn, long remainingMs, string? traceId);

    [LoggerMessage(16, LogLevel.Error, "The Runtime API refused the {What} with HTTP {StatusCode}: {Body}")]
    public static partial void RuntimeApiRefused(ILogger logger, string what, int statusCode, string body);

    [LoggerMessage(17, LogLevel.Critical, "The Runtime API failed: {Error}; the process exits")]
    public static partial void RuntimeApiFailed(ILogger logger, string error, Exception exception);

    [LoggerMessage(18, LogLevel.Information, "Watch of app {App}: {Action}: {Reason}")]
    public static partial void Watched(ILogger logger, string app, string action, string reason);

    [LoggerMessage(30, LogLevel.Information, "Standby {Region} of app {App}: {Change}: {Detail}")]
    public static partial void StandbyReadiness(ILogger logger, string app, string region, string change, string detail);

    [LoggerMessage(31, LogLevel.Warning, "Standby readiness of app {App} not recorded: {Error}")]
    public static partial void StandbyReadinessNotRecorded(ILogger logger, string app, string error);
}
