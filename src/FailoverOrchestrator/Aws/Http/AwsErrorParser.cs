using System.Net;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using FailoverOrchestrator.Redaction;

namespace FailoverOrchestrator.Aws.Http;

/// <summary>Turns an error answer (XML for REST-XML and Query, JSON for JSON 1.1) into an <see cref="AwsServiceException"/>.</summary>
internal static class AwsErrorParser
{
    public const string MalformedResponseCode = "MalformedResponse";

    public static AwsServiceException Parse(AwsRequest request, HttpStatusCode status, string body, string? requestId,
        string? errorTypeHeader)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            // A 5xx from a load balancer or a HEAD-like answer: the status is all there is.
            var code = FromHeader(errorTypeHeader) ?? $"Http{(int)status}";
            return Create(request, status, code, $"HTTP {(int)status} {status} with an empty body", requestId);
        }

        try
        {
            return request.Service.Protocol == AwsProtocol.Json
                ? FromJson(request, status, body, requestId, errorTypeHeader)
                : FromXml(request, status, body, requestId);
        }
        catch (Exception e) when (e is XmlException or JsonException or FormatException)
        {
            return Malformed(request, status, $"the error body could not be read ({e.Message})", requestId, e);
        }
    }

    /// <summary>A body we could not read, with the reason; keeps the HTTP status so that a 5xx is still retried.</summary>
    public static AwsServiceException Malformed(AwsRequest request, HttpStatusCode status, string reason, string? requestId,
        Exception? inner = null) =>
        new(request.Service.Name, request.Operation, status, MalformedResponseCode, $"Malformed response: {reason}", requestId,
            innerException: inner);

    private static AwsServiceException FromJson(AwsRequest request, HttpStatusCode status, string body, string? requestId,
        string? errorTypeHeader)
    {
        using var document = JsonDocument.Parse(body);
        var root = AwsJson.RootObject(document);
        var code = FromHeader(errorTypeHeader)
            ?? StripNamespace(AwsJson.OptionalString(root, "__type") ?? AwsJson.OptionalString(root, "code"))
            ?? throw new FormatException("The JSON error has no '__type'.");
        var message = AwsJson.OptionalString(root, "message") ?? AwsJson.OptionalString(root, "Message") ?? string.Empty;
        return Create(request, status, code, message, requestId);
    }

    private static AwsServiceException FromXml(AwsRequest request, HttpStatusCode status, string body, string? requestId)
    {
        var root = AwsXml.Root(body);
        requestId ??= AwsXml.Optional(root, "RequestId") ?? FindRequestId(root);

        // Route 53 answers a rejected batch with <InvalidChangeBatch><Messages><Message>...; other errors are
        // <ErrorResponse><Error><Code>... (SNS, Route 53) or <Response><Errors><Error>... (older Query services).
        var error = root.Name.LocalName == "Error" ? root : root.Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
        var messages = root.Descendants()
            .Where(e => e.Name.LocalName == "Messages")
            .SelectMany(e => AwsXml.Children(e, "Message"))
            .Select(e => e.Value)
            .ToList();
        string code;
        string message;
        if (error is not null)
        {
            code = AwsXml.Required(error, "Code");
            message = AwsXml.Optional(error, "Message") ?? string.Join("; ", messages);
        }
        else if (messages.Count > 0)
        {
            code = root.Name.LocalName;
            message = string.Join("; ", messages);
        }
        else
        {
            throw new FormatException($"<{root.Name.LocalName}> holds no <Error> and no <Messages>.");
        }

        return Create(request, status, code, message, requestId, messages.Count > 0 ? messages : null);
    }

    private static string? FindRequestId(XElement root) =>
        root.Descendants().FirstOrDefault(e => e.Name.LocalName == "RequestId")?.Value;

    private static string? FromHeader(string? errorTypeHeader) => StripNamespace(errorTypeHeader);

    /// <summary><c>aws.ecs#ServiceNotFoundException:http://...</c> becomes <c>ServiceNotFoundException</c>.</summary>
    private static string? StripNamespace(string? type)
    {
        if (string.IsNullOrWhiteSpace(type))
        {
            return null;
        }

        var start = type.IndexOf('#', StringComparison.Ordinal) + 1;
        var end = type.IndexOf(':', start);
        return (end < 0 ? type[start..] : type[start..end]).Trim();
    }

    private static AwsServiceException Create(AwsRequest request, HttpStatusCode status, string code, string message, string? requestId,
        IReadOnlyList<string>? messages = null) =>
        new(request.Service.Name, request.Operation, status, code, Redact(message), requestId, messages?.Select(Redact).ToList());

    /// <summary>Every AWS error message goes through the one redaction (<see cref="SafeText.Redact"/>) before it can reach a log, an SNS
    /// body, an audit item or the state item.</summary>
    internal static string Redact(string message) => SafeText.Redact(message);
}
