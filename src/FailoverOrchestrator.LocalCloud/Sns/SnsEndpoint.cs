using System.Text;
using System.Xml.Linq;
using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.Sns;

/// <summary>SNS's Query API (a form-encoded POST with <c>Action=</c>): Publish.</summary>
internal sealed class SnsEndpoint(SnsStore store) : IServiceEndpoint
{
    private const string ContentType = "text/xml";
    private const int MaxSubjectLength = 100;
    private const int MaxMessageBytes = 256 * 1024;
    private static readonly XNamespace Ns = "http://sns.amazonaws.com/doc/2010-03-31/";

    public LocalService Service => LocalService.Sns;

    public AwsProtocol Protocol => AwsProtocol.Query;

    public string ThrottlingCode => "Throttling";

    public bool Accepts(LocalRequest request) =>
        request.Method == "POST"
        && request.Header("Content-Type")?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true
        && request.Form["Action"] is not null;

    public string? OperationOf(LocalRequest request) => request.Form["Action"] == "Publish" ? "Publish" : null;

    public LocalResponse Handle(LocalRequest request, string operation)
    {
        if (operation != "Publish")
        {
            throw ServiceErrorException.BadRequest("InvalidAction",
                $"The action {request.Form["Action"]} is not valid for this web service.");
        }

        var form = request.Form;
        var topicArn = form["TopicArn"] ?? form["TargetArn"]
            ?? throw InvalidParameter("Invalid parameter: TopicArn or TargetArn Reason: no value for required parameter");
        var message = form["Message"]
            ?? throw ServiceErrorException.BadRequest("ValidationError",
                "1 validation error detected: Value null at 'message' failed to satisfy constraint: Member must not be null");
        var subject = form["Subject"];
        Validate(subject, message);
        var published = store.Publish(request.Region!, topicArn, subject, message, ReadAttributes(request));
        var response = new XElement(Ns + "PublishResponse",
            new XElement(Ns + "PublishResult", new XElement(Ns + "MessageId", published.MessageId)),
            new XElement(Ns + "ResponseMetadata", new XElement(Ns + "RequestId", request.RequestId)));
        return new LocalResponse(200, ContentType, XmlBody.Write(response));
    }

    public LocalResponse Render(ServiceErrorException error, string requestId) =>
        XmlErrorResponse.Render(Ns, error, requestId, ContentType);

    private static void Validate(string? subject, string message)
    {
        if (message.Length == 0)
        {
            throw InvalidParameter("Invalid parameter: Empty message");
        }

        if (Encoding.UTF8.GetByteCount(message) > MaxMessageBytes)
        {
            throw InvalidParameter("Invalid parameter: Message too long");
        }

        // A subject is what an e-mail subscriber sees as the subject line: printable ASCII, no line breaks.
        if (subject is not null && (subject.Length is 0 or > MaxSubjectLength || subject.Any(c => c is < ' ' or > '~')))
        {
            throw InvalidParameter("Invalid parameter: Subject");
        }
    }

    private static Dictionary<string, MessageAttribute> ReadAttributes(LocalRequest request)
    {
        var attributes = new Dictionary<string, MessageAttribute>(StringComparer.Ordinal);
        for (var n = 1; request.Form[$"MessageAttributes.entry.{n}.Name"] is { } name; n++)
        {
            var prefix = $"MessageAttributes.entry.{n}.Value.";
            var dataType = request.Form[prefix + "DataType"];
            var stringValue = request.Form[prefix + "StringValue"];
            var binaryValue = request.Form[prefix + "BinaryValue"];
            if (string.IsNullOrEmpty(dataType))
            {
                throw InvalidParameter(
                    $"Invalid parameter: MessageAttributes Reason: The message attribute '{name}' must contain a non-empty data type.");
            }

            if (string.IsNullOrEmpty(stringValue) && string.IsNullOrEmpty(binaryValue))
            {
                throw ServiceErrorException.BadRequest("ParameterValueInvalid",
                    $"The message attribute '{name}' must contain non-empty message attribute value for message attribute type "
                    + $"'{dataType}'.");
            }

            attributes[name] = new MessageAttribute(dataType, stringValue, binaryValue);
        }

        return attributes;
    }

    private static ServiceErrorException InvalidParameter(string message) =>
        ServiceErrorException.BadRequest("InvalidParameter", message);
}
