using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.Sns;

/// <summary>SNS's state per region: topics and every message published to them. Thread-safe.</summary>
internal sealed class SnsStore(TimeProvider timeProvider, string accountId)
{
    private readonly object _gate = new();
    private readonly HashSet<string> _topics = new(StringComparer.Ordinal);
    private readonly List<PublishedMessage> _messages = [];

    /// <summary>Adds a topic and returns its ARN.</summary>
    public string AddTopic(string region, string name)
    {
        var arn = $"arn:aws:sns:{region}:{accountId}:{name}";
        lock (_gate)
        {
            _topics.Add(arn);
        }

        return arn;
    }

    /// <summary>Gets the messages published so far, oldest first; of one topic when <paramref name="topicArn"/> is given.</summary>
    public IReadOnlyList<PublishedMessage> GetMessages(string? topicArn = null)
    {
        lock (_gate)
        {
            return _messages.Where(m => topicArn is null || m.TopicArn == topicArn).ToList();
        }
    }

    /// <summary>Keeps a message published in <paramref name="region"/> and returns its id.</summary>
    public PublishedMessage Publish(string region, string topicArn, string? subject, string message,
        IReadOnlyDictionary<string, MessageAttribute> attributes)
    {
        if (topicArn.Split(':') is not ["arn", "aws", "sns", var arnRegion, _, _])
        {
            throw ServiceErrorException.BadRequest("InvalidParameter", "Invalid parameter: TopicArn");
        }

        if (arnRegion != region)
        {
            // SNS is regional: a topic of another region is not a topic of this endpoint.
            throw ServiceErrorException.BadRequest("InvalidParameter",
                $"Invalid parameter: TopicArn Reason: A ARN must be in region {region}");
        }

        lock (_gate)
        {
            if (!_topics.Contains(topicArn))
            {
                throw new ServiceErrorException(404, "NotFound", "Topic does not exist");
            }

            var published =
                new PublishedMessage(Guid.NewGuid().ToString(), topicArn, region, subject, message, attributes, timeProvider.GetUtcNow());
            _messages.Add(published);
            return published;
        }
    }
}
