using FailoverOrchestrator.Aws.Sns;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Telemetry;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Notifications;

/// <summary>Publishes one message per terminal outcome to the app's topic.</summary>
internal sealed class OnCallNotifier(ISnsClient sns, ILogger<OnCallNotifier> logger)
{
    /// <summary>Publishes; returns the message id. Throws when SNS refuses after its retries.</summary>
    public Task<string> PublishAsync(AppOptions app, FailoverResult result, string? next, CancellationToken cancellationToken, string? label = null)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["app"] = app.Name,
            ["outcome"] = label ?? result.Outcome.ToString(),
        };
        return sns.PublishAsync(app.TopicArn, NotificationComposer.Subject(result, label), NotificationComposer.Body(result, next ?? NotificationComposer.NextCommand(result), label), attributes, cancellationToken);
    }

    /// <summary>Publishes for an outcome outside the pipeline (Blocked, Suppressed, Failed); a failure to notify is logged, never thrown over the outcome.</summary>
    public async Task<bool> TryPublishAsync(AppOptions app, FailoverResult result, string? next, CancellationToken cancellationToken, string? label = null)
    {
        try
        {
            await PublishAsync(app, result, next, cancellationToken, label);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.NotificationFailed(logger, app.Name, result.Outcome.ToString(), ex);
            return false;
        }
    }
}
