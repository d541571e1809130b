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
            data.State?.Value, data.PreviousState?.Value, data.State?.Timestamp, data.State is null, data.Configuration?.AlarmRule is not null);
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
        return Build(TriggerSource.AlarmEventBridge, "detail", e.Detail.AlarmName, arn, "resources[0]", e.Account, "account",
            e.Detail.State?.Value, e.Detail.PreviousState?.Value, e.Detail.State?.Timestamp, e.Detail.State is null, e.Detail.Configuration?.AlarmRule is not null);
    }

    public static TriggerParseResult FromSns(SnsEvent e)
    {
        if (e.Records is not { Count: > 0 })
        {
            return TriggerParseResult.Reject("SNS event has no Records");
        }

        if (e.Records.Count > 1)
        {
            return TriggerParseResult.Reject($"SNS event has {e.Records.Count} records; Lambda delivers one alarm notification per invocation");
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

        return Build(TriggerSource.AlarmSns, "Records[0].Sns.Message", message.AlarmName, message.AlarmArn, "AlarmArn", message.AccountId, "AWSAccountId",
            message.NewStateValue, message.OldStateValue, message.StateChangeTime, message.NewStateValue is null, message.AlarmRule is not null);
    }

    private static TriggerParseResult Build(
        TriggerSource source, string where, string? alarmName, string? arn, string arnField, string? account, string accountField,
        string? state, string? previousState, string? timestamp, bool stateMissing, bool composite)
    {
        if (string.IsNullOrWhiteSpace(alarmName))
        {
            return TriggerParseResult.Reject($"{where} has no alarm name");
        }

        if (string.IsNullOrWhiteSpace(arn) || !arn.StartsWith("arn:aws", StringComparison.Ordinal) || !arn.Contains(":alarm:", StringComparison.Ordinal))
        {
            return TriggerParseResult.Reject($"{arnField} '{arn}' is not a CloudWatch alarm ARN");
        }

        if (string.IsNullOrWhiteSpace(account) || account.Length != 12 || !account.All(char.IsAsciiDigit))
        {
            return TriggerParseResult.Reject($"{accountField} '{account}' is not a 12-digit AWS account id");
        }

        if (stateMissing || state is null)
        {
            return TriggerParseResult.Reject($"{where} has no alarm state");
        }

        if (!States.Contains(state, StringComparer.Ordinal))
        {
            return TriggerParseResult.Reject($"alarm state '{state}' is not one of OK, ALARM, INSUFFICIENT_DATA (case-sensitive)");
        }

        if (previousState is not null && !States.Contains(previousState, StringComparer.Ordinal))
        {
            return TriggerParseResult.Reject($"previous alarm state '{previousState}' is not one of OK, ALARM, INSUFFICIENT_DATA (case-sensitive)");
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
        return DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }
}
