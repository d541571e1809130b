using System.Text.Json.Serialization;

namespace FailoverOrchestrator.Triggers.Events;

// The shapes AWS sends; only the fields we read. Unknown fields are ignored because AWS adds fields over time.

/// <summary>A CloudWatch alarm's own invocation of its Lambda action.</summary>
internal sealed record AlarmLambdaActionEvent(
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("alarmArn")] string? AlarmArn,
    [property: JsonPropertyName("accountId")] string? AccountId,
    [property: JsonPropertyName("time")] string? Time,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("alarmData")] AlarmData? AlarmData);

/// <summary>The <c>alarmData</c> (Lambda action) or <c>detail</c> (EventBridge) object.</summary>
internal sealed record AlarmData(
    [property: JsonPropertyName("alarmName")] string? AlarmName,
    [property: JsonPropertyName("state")] AlarmState? State,
    [property: JsonPropertyName("previousState")] AlarmState? PreviousState,
    [property: JsonPropertyName("configuration")] AlarmConfiguration? Configuration);

/// <summary>
/// An alarm state with its timestamp. A composite alarm whose actions are suppressed by its actions suppressor says
/// so in <c>actionsSuppressedBy</c> (<c>WaitPeriod</c>, <c>ExtensionPeriod</c> or <c>Alarm</c>; AWS's composite-alarm
/// sample event for Lambda actions and the CompositeAlarm API reference).
/// </summary>
internal sealed record AlarmState(
    [property: JsonPropertyName("value")] string? Value,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("timestamp")] string? Timestamp,
    [property: JsonPropertyName("actionsSuppressedBy")] string? ActionsSuppressedBy = null);

/// <summary>A metric alarm carries <c>metrics</c>; a composite alarm carries <c>alarmRule</c>.</summary>
internal sealed record AlarmConfiguration(
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("alarmRule")] string? AlarmRule);

/// <summary>An EventBridge "CloudWatch Alarm State Change" event.</summary>
internal sealed record EventBridgeAlarmEvent(
    [property: JsonPropertyName("detail-type")] string? DetailType,
    [property: JsonPropertyName("source")] string? Source,
    [property: JsonPropertyName("account")] string? Account,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("resources")] List<string>? Resources,
    [property: JsonPropertyName("detail")] AlarmData? Detail);

/// <summary>An SNS event delivering one or more notifications.</summary>
internal sealed record SnsEvent([property: JsonPropertyName("Records")] List<SnsRecord>? Records);

/// <summary>One SNS record.</summary>
internal sealed record SnsRecord(
    [property: JsonPropertyName("EventSource")] string? EventSource,
    [property: JsonPropertyName("Sns")] SnsMessageEnvelope? Sns);

/// <summary>The SNS envelope; <c>Message</c> is a JSON string.</summary>
internal sealed record SnsMessageEnvelope(
    [property: JsonPropertyName("TopicArn")] string? TopicArn,
    [property: JsonPropertyName("Message")] string? Message);

/// <summary>The alarm notification inside the SNS message string.</summary>
internal sealed record SnsAlarmMessage(
    [property: JsonPropertyName("AlarmName")] string? AlarmName,
    [property: JsonPropertyName("AWSAccountId")] string? AccountId,
    [property: JsonPropertyName("NewStateValue")] string? NewStateValue,
    [property: JsonPropertyName("OldStateValue")] string? OldStateValue,
    [property: JsonPropertyName("StateChangeTime")] string? StateChangeTime,
    [property: JsonPropertyName("AlarmArn")] string? AlarmArn,
    [property: JsonPropertyName("AlarmRule")] string? AlarmRule);
