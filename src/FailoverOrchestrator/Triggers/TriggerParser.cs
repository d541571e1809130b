using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FailoverOrchestrator.Serialization;
using FailoverOrchestrator.Triggers.Events;

namespace FailoverOrchestrator.Triggers;

/// <summary>
/// Turns the raw invocation payload into a <see cref="FailoverTrigger"/>, or into the reason it is rejected.
/// Never throws on bad input: a throw would make Lambda retry garbage.
/// </summary>
internal static class TriggerParser
{
    /// <summary>The largest payload accepted (Lambda's asynchronous limit is 256 KiB; commands and alarms are far smaller).</summary>
    public const int MaxPayloadBytes = 256 * 1024;

    /// <summary>The largest payload Lambda delivers at all (6 MB, its synchronous invocation limit).</summary>
    public const int MaxDeliveredBytes = 6 * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 32 };

    public static TriggerParseResult Parse(ReadOnlyMemory<byte> payload)
    {
        if (SizeProblem(payload) is { } size)
        {
            return TriggerParseResult.Reject(size);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(payload, DocumentOptions);
        }
        catch (JsonException ex)
        {
            return TriggerParseResult.Reject($"the payload is not valid JSON: {FirstSentence(ex.Message)}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return TriggerParseResult.Reject("the payload is a JSON " +
                    $"{root.ValueKind.ToString().ToLowerInvariant()}, expected an object");
            }

            return DuplicateKeys.Find(root) is { } duplicate
                ? TriggerParseResult.Reject($"the payload names {duplicate} more than once; each field may appear " +
                    "only once. Nothing was done")
                : Route(root, payload);
        }
    }

    private static string? SizeProblem(ReadOnlyMemory<byte> payload)
    {
        if (payload.Length > MaxPayloadBytes)
        {
            var size = payload.Length > MaxDeliveredBytes
                ? $"more than {MaxDeliveredBytes}"
                : payload.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return $"the payload is {size} bytes, more than the {MaxPayloadBytes} accepted";
        }

        return payload.Length == 0 || payload.Span.Trim(" \t\r\n"u8).IsEmpty
            ? "the payload is empty: expected a CloudWatch alarm event or an operator command such as " + OperatorCommands.Status("<name>")
            : null;
    }

    /// <summary>The field that only one format has decides the format, in this order: a command first.</summary>
    private static TriggerParseResult Route(JsonElement root, ReadOnlyMemory<byte> payload)
    {
        if (root.TryGetProperty("command", out _))
        {
            return Deserialize(payload, OrchestratorJsonContext.Default.OperatorCommand, OperatorCommandParser.Parse);
        }

        if (root.TryGetProperty("alarmData", out _))
        {
            return Deserialize(payload, OrchestratorJsonContext.Default.AlarmLambdaActionEvent, AlarmEventParser.FromLambdaAction);
        }

        if (root.TryGetProperty("detail-type", out _))
        {
            return Deserialize(payload, OrchestratorJsonContext.Default.EventBridgeAlarmEvent, AlarmEventParser.FromEventBridge);
        }

        if (root.TryGetProperty("Records", out _))
        {
            return Deserialize(payload, OrchestratorJsonContext.Default.SnsEvent, AlarmEventParser.FromSns);
        }

        return TriggerParseResult.Reject(
            "unrecognised event: expected a CloudWatch alarm action (alarmData), an EventBridge alarm state change (detail-type), " +
            "an SNS alarm notification (Records) or an operator command (command)");
    }

    /// <summary>Deserializes with the source-generated contract; a type mismatch names the JSON path.</summary>
    internal static TriggerParseResult Deserialize<T>(
        ReadOnlyMemory<byte> payload, JsonTypeInfo<T> typeInfo, Func<T, TriggerParseResult> map)
        where T : class
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(payload.Span, typeInfo);
        }
        catch (JsonException ex)
        {
            return TriggerParseResult.Reject(DescribeShapeError(ex));
        }

        return value is null ? TriggerParseResult.Reject("the payload is null") : map(value);
    }

    private static string DescribeShapeError(JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        if (ex.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var start = ex.Message.IndexOf('\'', StringComparison.Ordinal);
            var end = start < 0 ? -1 : ex.Message.IndexOf('\'', start + 1);
            var name = end > start ? ex.Message[(start + 1)..end] : path;
            return $"unknown field '{name}' in the command: a command takes only command, app, dryRun, reason, confirm, region, " +
                "scheduledTime and acceptDataLossSeconds (names are case-sensitive)";
        }

        return $"wrong type at {path}: {FirstSentence(ex.Message)}";
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message.TrimEnd('.') : message[..end];
    }
}
