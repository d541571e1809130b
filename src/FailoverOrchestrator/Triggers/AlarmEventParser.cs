using System.Globalization;
using System.Text.Json;
using FailoverOrchestrator.Serialization;
using FailoverOrchestrator.Triggers.Events;

namespace FailoverOrchestrator.Triggers;

/// <summary>Maps the three alarm delivery formats onto one trigger and checks what they must carry.</summary>
internal static class AlarmEventParser
{
    private static readonly string[] States = ["OK", "ALARM", "INSUFFICIENT_DATA"];

    public static TriggerParseResult FromLambdaAction(AlarmLambdaActionEvent e)
    {
        if (e.Source != "aws.cloudwatch")
        {
            return TriggerParseResult.Reject($"alarm event source is '{e.Source}', expected 'aws.cloudwatch'");
        }

        var data = e.AlarmData;
        if (data is null)
        {
            return TriggerParseResult.Reject("alarmData is null");
        }

        return Build(TriggerSource.AlarmLambdaAction, "alarmData", data.AlarmName, e.AlarmArn, "alarmArn", e.AccountId, "accountId",
            e.Region,
            data.State, data.PreviousState?.Value, data.Configuration?.AlarmRule is not null);
    }

    public static TriggerParseResult FromEventBridge(EventBridgeAlarmEvent e)
    {
        if (e.DetailType != "CloudWatch Alarm State Change")
        {
            return TriggerParseResult.Reject($"EventBridge detail-type is '{e.DetailType}', expected 'CloudWatch Alarm State Change'");
        }

        if (e.Source != "aws.cloudwatch")
        {
            return TriggerParseResult.Reject($"EventBridge source is '{e.Source}', expected 'aws.cloudwatch'");
        }

        if (e.Detail is null)
        {
            return TriggerParseResult.Reject("EventBridge event has no detail");
        }

        var arn = e.Resources is { Count: > 0 } ? e.Resources[0] : null;
        return Build(TriggerSource.AlarmEventBridge, "detail", e.Detail.AlarmName, arn, "resources[0]", e.Account, "account", e.Region,
            e.Detail.State, e.Detail.PreviousState?.Value, e.Detail.Configuration?.AlarmRule is not null);
    }

    public static TriggerParseResult FromSns(SnsEvent e)
    {
        if (e.Records is not { Count: > 0 })
        {
            return TriggerParseResult.Reject("SNS event has no Records");
        }

        if (e.Records.Count > 1)
        {
            return TriggerParseResult.Reject(
                $"SNS event has {e.Records.Count} records; Lambda delivers one alarm notification per invocation");
        }

        var record = e.Records[0];
        if (record.EventSource != "aws:sns" || record.Sns is null)
        {
            return TriggerParseResult.Reject($"Records[0] is not an SNS record (EventSource '{record.EventSource}')");
        }

        if (string.IsNullOrWhiteSpace(record.Sns.Message))
        {
            return TriggerParseResult.Reject("Records[0].Sns.Message is empty: expected the alarm notification as a JSON string");
        }

        SnsAlarmMessage? message;
        try
        {
            using (var inner = JsonDocument.Parse(record.Sns.Message))
            {
                if (DuplicateKeys.Find(inner.RootElement, "Records[0].Sns.Message") is { } duplicate)
                {
                    return TriggerParseResult.Reject(
                        $"the alarm notification names {duplicate} more than once; each field may appear only once");
                }
            }

            message = JsonSerializer.Deserialize(record.Sns.Message, OrchestratorJsonContext.Default.SnsAlarmMessage);
        }
        catch (JsonException ex)
        {
            return TriggerParseResult.Reject($"Records[0].Sns.Message is not an alarm notification: {ex.Message.Split(". ")[0]}");
        }

        if (message is null)
        {
            return TriggerParseResult.Reject("Records[0].Sns.Message is null");
        }

        // The message's Region is a display name ("US East (N. Virginia)"); the topic's ARN names the region, and
        // CloudWatch publishes only to a topic in the alarm's own region.
        var topicRegion = record.Sns.TopicArn?.Split(':') is ["arn", _, "sns", { Length: > 0 } region, _, _] ? region : null;
        var state = message.NewStateValue is null ? null : new AlarmState(message.NewStateValue, null, message.StateChangeTime);
        return Build(TriggerSource.AlarmSns, "Records[0].Sns.Message", message.AlarmName, message.AlarmArn, "AlarmArn", message.AccountId,
            "AWSAccountId", topicRegion,
            state, message.OldStateValue, message.AlarmRule is not null);
    }

    private static TriggerParseResult Build(
        TriggerSource source, string where, string? alarmName, string? arn, string arnField, string? account, string accountField,
            string? eventRegion,
        AlarmState? alarmState, string? previousState, bool composite)
    {
        if (string.IsNullOrWhiteSpace(alarmName))
        {
            return TriggerParseResult.Reject($"{where} has no alarm name");
        }

        if (AlarmArn.Parse(arn) is not { } parsed)
        {
            return TriggerParseResult.Reject(
                $"{arnField} '{arn}' is not a CloudWatch alarm ARN (arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>)");
        }

        if (string.IsNullOrWhiteSpace(account) || account.Length != 12 || !account.All(char.IsAsciiDigit))
        {
            return TriggerParseResult.Reject($"{accountField} '{account}' is not a 12-digit AWS account id");
        }

        // The parts of one event must name one alarm: a payload whose ARN names another alarm, account, region or
        // partition than the rest of it is not what CloudWatch sends.
        if (parsed.Name != alarmName)
        {
            return TriggerParseResult.Reject($"{arnField} names alarm '{parsed.Name}', but the event is about alarm '{alarmName}'");
        }

        if (parsed.Account != account)
        {
            return TriggerParseResult.Reject($"{arnField} is in account {parsed.Account}, but {accountField} is {account}");
        }

        if (eventRegion is not null && parsed.Region != eventRegion)
        {
            return TriggerParseResult.Reject($"{arnField} is in region {parsed.Region}, but the event comes from {eventRegion}");
        }

        if (parsed.Partition != AlarmArn.PartitionOf(parsed.Region))
        {
            return TriggerParseResult.Reject(
                $"{arnField} puts region {parsed.Region} in partition '{parsed.Partition}'; it belongs to "
                + $"'{AlarmArn.PartitionOf(parsed.Region)}'");
        }

        var state = alarmState?.Value;
        var timestamp = alarmState?.Timestamp;
        if (state is null)
        {
            return TriggerParseResult.Reject($"{where} has no alarm state");
        }

        if (!States.Contains(state, StringComparer.Ordinal))
        {
            return TriggerParseResult.Reject($"alarm state '{state}' is not one of OK, ALARM, INSUFFICIENT_DATA (case-sensitive)");
        }

        if (previousState is not null && !States.Contains(previousState, StringComparer.Ordinal))
        {
            return TriggerParseResult.Reject(
                $"previous alarm state '{previousState}' is not one of OK, ALARM, INSUFFICIENT_DATA (case-sensitive)");
        }

        if (!TryParseAwsTimestamp(timestamp, out var changedAt))
        {
            return TriggerParseResult.Reject($"alarm state timestamp '{timestamp}' is not a valid timestamp");
        }

        return TriggerParseResult.Success(new FailoverTrigger
        {
            Source = source,
            Command = TriggerCommand.Failover,
            AlarmName = alarmName,
            AlarmArn = arn,
            AccountId = account,
            State = state,
            PreviousState = previousState,
            StateChangedAt = changedAt,
            IsComposite = composite,
            AlarmRegion = parsed.Region,
            AlarmPartition = parsed.Partition,
            ActionsSuppressedBy = alarmState?.ActionsSuppressedBy,
            // The same transition delivered by any of the three routes gets the same key.
            IdempotencyKey = $"{arn}#{changedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}",
        });
    }

    /// <summary>CloudWatch writes offsets without a colon (<c>+0000</c>), which the ISO parser refuses.</summary>
    internal static bool TryParseAwsTimestamp(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var normalized = text.Length > 5 && (text[^5] == '+' || text[^5] == '-') && text[^4..].All(char.IsAsciiDigit)
            ? string.Concat(text.AsSpan(0, text.Length - 2), ":", text.AsSpan(text.Length - 2))
            : text;
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
