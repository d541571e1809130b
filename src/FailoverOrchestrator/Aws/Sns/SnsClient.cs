using FailoverOrchestrator.Aws.Http;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Aws.Sns;

/// <summary>SNS over the Query protocol (form-encoded, <c>Version=2010-03-31</c>), in the topic ARN's region.</summary>
internal sealed class SnsClient : ISnsClient
{
    private const int MaxMessageBytes = 256 * 1024;

    private readonly AwsHttpSender _sender;
    private readonly ILogger<SnsClient> _logger;

    public SnsClient(AwsHttpSender sender, ILogger<SnsClient> logger)
    {
        _sender = sender;
        _logger = logger;
    }

    public Task<string> PublishAsync(string topicArn, string subject, string message, IReadOnlyDictionary<string, string> stringAttributes,
        CancellationToken cancellationToken)
    {
        var region = RegionOf(topicArn);
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(stringAttributes);
        if (System.Text.Encoding.UTF8.GetByteCount(message) > MaxMessageBytes)
        {
            throw new ArgumentException($"An SNS message is at most {MaxMessageBytes} bytes.", nameof(message));
        }

        // Parameter order as the official SDKs write it.
        var form = new List<KeyValuePair<string, string>>
        {
            new("Action", "Publish"),
            new("Version", "2010-03-31"),
            new("Message", message),
            new("TopicArn", topicArn),
            new("Subject", CheckSubject(subject)),
        };
        var index = 1;
        foreach (var (name, value) in stringAttributes)
        {
            var prefix = $"MessageAttributes.entry.{index++}.";
            form.Add(new(prefix + "Name", name));
            form.Add(new(prefix + "Value.DataType", "String"));
            form.Add(new(prefix + "Value.StringValue", value));
        }

        var request = new AwsRequest(AwsServiceEndpoint.Sns, "Publish", region, HttpMethod.Post, "/")
        {
            Body = string.Join('&', form.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")),
            ContentType = "application/x-www-form-urlencoded",

            // A slow answer must not turn into a second page: SNS has no deduplication on a standard topic.
            RepeatAfterNoAnswer = false,
        };
        return _sender.SendAsync(request, ReadMessageId, _logger, cancellationToken);
    }

    /// <summary><c>arn:aws:sns:eu-west-1:123456789012:alerts</c> is in eu-west-1.</summary>
    internal static string RegionOf(string topicArn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topicArn);
        var parts = topicArn.Split(':');
        return parts.Length == 6 && parts[0] == "arn" && parts[2] == "sns" && parts[3].Length > 0
            ? parts[3]
            : throw new ArgumentException($"'{topicArn}' is not an SNS topic ARN.", nameof(topicArn));
    }

    private static string CheckSubject(string subject)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(subject);

        return SnsSubject.IsValid(subject)
            ? subject
            : throw new ArgumentException($"An SNS subject is 1 to {SnsSubject.MaxLength} printable ASCII characters: '{subject}'.",
                nameof(subject));
    }

    private static string ReadMessageId(string body)
    {
        var root = AwsXml.ExpectRoot(body, "PublishResponse");
        return AwsXml.Required(AwsXml.RequiredChild(root, "PublishResult"), "MessageId");
    }
}
