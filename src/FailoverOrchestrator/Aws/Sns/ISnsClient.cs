namespace FailoverOrchestrator.Aws.Sns;

/// <summary>The SNS operation the notify step uses (Query protocol). The region is the topic ARN's.</summary>
internal interface ISnsClient
{
    /// <summary>Publishes one message; returns its message id.</summary>
    Task<string> PublishAsync(string topicArn, string subject, string message, IReadOnlyDictionary<string, string> stringAttributes,
        CancellationToken cancellationToken);
}
