using FailoverOrchestrator.Aws.Sns;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Telemetry;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Notifications;

/// <summary>Publishes one message per terminal outcome to the app's topic.</summary>
internal sealed class OnCallNotifier(ISnsClient sns, ILogger<OnCallNotifier> logger)
{
    /// <summary>
    /// Publishes; returns the message id. Throws when SNS refuses after its retries. The message carries a
    /// deduplication key (in its body and as the <c>deduplicationKey</c> attribute), by default the app, the execution
    /// and the outcome, so that a pager which honours one folds a repeated page of the same outcome into the first.
    /// </summary>
    public Task<string> PublishAsync(AppOptions app, FailoverResult result, string? next, CancellationToken cancellationToken, string? label = null, string? deduplicationKey = null)
    {
        var key = deduplicationKey ?? $"{app.Name}/{result.ExecutionId ?? "none"}/{label ?? result.Outcome.ToString()}";
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app"] = app.Name,
            ["outcome"] = label ?? result.Outcome.ToString(),
            ["deduplicationKey"] = key,
        };
        var body = NotificationComposer.Body(result, next ?? NotificationComposer.NextCommand(result), label) + $"\nDeduplication key: {key}\n";
        return sns.PublishAsync(app.TopicArn, NotificationComposer.Subject(result, label), body, attributes, cancellationToken);
    }

    /// <summary>Publishes for an outcome outside the pipeline (Blocked, Suppressed, Failed); a failure to notify is logged, never thrown over the outcome.</summary>
    public async Task<bool> TryPublishAsync(AppOptions app, FailoverResult result, string? next, CancellationToken cancellationToken, string? label = null, string? deduplicationKey = null)
    {
        try
        {
            await PublishAsync(app, result, next, cancellationToken, label, deduplicationKey);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.NotificationFailed(logger, app.Name, result.Outcome.ToString(), ex);
            return false;
        }
    }
}
