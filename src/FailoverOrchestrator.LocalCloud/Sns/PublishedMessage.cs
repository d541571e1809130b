namespace FailoverOrchestrator.LocalCloud.Sns;

/// <summary>A message published to a topic, kept for inspection.</summary>
internal sealed record PublishedMessage(
    string MessageId,
    string TopicArn,
    string Region,
    string? Subject,
    string Message,
    IReadOnlyDictionary<string, MessageAttribute> Attributes,
    DateTimeOffset PublishedAt);
