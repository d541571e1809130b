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
    public Task<string> PublishAsync(AppOptions app, FailoverResult result, string? next, CancellationToken cancellationToken,
        string? deduplicationKey = null) =>
        PublishAsync(app, Page.Of(result), next, cancellationToken, deduplicationKey);

    /// <inheritdoc cref="PublishAsync(AppOptions, FailoverResult, string?, CancellationToken, string?)"/>
    public Task<string> PublishAsync(AppOptions app, Page page, string? next, CancellationToken cancellationToken,
        string? deduplicationKey = null)
    {
        var key = deduplicationKey ?? $"{app.Name}/{page.ExecutionId ?? "none"}/{page.Headline}";
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app"] = app.Name,
            ["outcome"] = page.Headline,
            ["deduplicationKey"] = key,
        };
        var body = NotificationComposer.Body(page, next ?? NotificationComposer.NextCommand(page)) + $"\nDeduplication key: {key}\n";
        return sns.PublishAsync(app.TopicArn, NotificationComposer.Subject(page), body, attributes, cancellationToken);
    }

    /// <summary>Publishes for an outcome outside the pipeline (Blocked, Suppressed); a failure to notify is logged, never thrown over the
    /// outcome.</summary>
    public Task<bool> TryPublishAsync(AppOptions app, FailoverResult result, string? next, CancellationToken cancellationToken,
        string? deduplicationKey = null) =>
        TryPublishAsync(app, Page.Of(result), next, cancellationToken, deduplicationKey);

    /// <summary>Publishes an outcome or an event (a failure, a reset); a failure to notify is logged, never thrown over what
    /// happened.</summary>
    public async Task<bool> TryPublishAsync(AppOptions app, Page page, string? next, CancellationToken cancellationToken,
        string? deduplicationKey = null)
    {
        try
        {
            await PublishAsync(app, page, next, cancellationToken, deduplicationKey);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.NotificationFailed(logger, app.Name, page.Headline, ex);
            return false;
        }
    }
}
