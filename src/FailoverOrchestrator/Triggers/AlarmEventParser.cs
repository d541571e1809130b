using System.Text.Json;
using FailoverOrchestrator.Serialization;
using FailoverOrchestrator.Triggers.Events;

namespace FailoverOrchestrator.Triggers;

/// <summary>
/// Maps the three alarm delivery formats onto one set of <see cref="AlarmFields"/>, checked and built by <see
/// cref="AlarmTriggerBuilder"/>.
/// </summary>
internal static class AlarmEventParser
{
    public static TriggerParseResult FromLambdaAction(AlarmLambdaActionEvent e)
    {
        if (e.Source != "aws.cloudwatch")
        {
            return TriggerParseResult.Reject($"alarm event source is '{e.Source}', expected 'aws.cloudwatch'");
        }

        if (e.AlarmData is not { } data)
        {
            return TriggerParseResult.Reject("alarmData is null");
        }

        return AlarmTriggerBuilder.Build(new AlarmFields
        {
            Source = TriggerSource.AlarmLambdaAction, Where = "alarmData", AlarmName = data.AlarmName,
            Arn = e.AlarmArn, ArnField = "alarmArn", Account = e.AccountId, AccountField = "accountId", EventRegion = e.Region,
            State = data.State, PreviousState = data.PreviousState?.Value, IsComposite = data.Configuration?.AlarmRule is not null,
        });
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

        if (e.Detail is not { } detail)
        {
            return TriggerParseResult.Reject("EventBridge event has no detail");
        }

        return AlarmTriggerBuilder.Build(new AlarmFields
        {
            Source = TriggerSource.AlarmEventBridge, Where = "detail", AlarmName = detail.AlarmName,
            Arn = e.Resources is { Count: > 0 } ? e.Resources[0] : null, ArnField = "resources[0]",
            Account = e.Account, AccountField = "account", EventRegion = e.Region,
            State = detail.State, PreviousState = detail.PreviousState?.Value, IsComposite = detail.Configuration?.AlarmRule is not null,
        });
    }

    public static TriggerParseResult FromSns(SnsEvent e)
    {
        if (SnsRecordProblem(e) is { } problem)
        {
            return TriggerParseResult.Reject(problem);
        }

        var sns = e.Records![0].Sns!;
        if (DecodeMessage(sns.Message!, out var message) is { } undecodable)
        {
            return TriggerParseResult.Reject(undecodable);
        }

        // The message's Region is a display name ("US East (N. Virginia)"); the topic's ARN names the region, and
        // CloudWatch publishes only to a topic in the alarm's own region.
        var topicRegion = sns.TopicArn?.Split(':') is ["arn", _, "sns", { Length: > 0 } region, _, _] ? region : null;
        return AlarmTriggerBuilder.Build(new AlarmFields
        {
            Source = TriggerSource.AlarmSns, Where = "Records[0].Sns.Message", AlarmName = message!.AlarmName,
            Arn = message.AlarmArn, ArnField = "AlarmArn",
            Account = message.AccountId, AccountField = "AWSAccountId", EventRegion = topicRegion,
            State = message.NewStateValue is null ? null : new AlarmState(message.NewStateValue, null, message.StateChangeTime),
            PreviousState = message.OldStateValue, IsComposite = message.AlarmRule is not null,
        });
    }

    /// <summary>Lambda delivers one SNS record per invocation, whose message is the alarm notification as a JSON string.</summary>
    private static string? SnsRecordProblem(SnsEvent e)
    {
        if (e.Records is not { Count: > 0 } records)
        {
            return "SNS event has no Records";
        }

        if (records.Count > 1)
        {
            return $"SNS event has {records.Count} records; Lambda delivers one alarm notification per invocation";
        }

        if (records[0].EventSource != "aws:sns" || records[0].Sns is null)
        {
            return $"Records[0] is not an SNS record (EventSource '{records[0].EventSource}')";
        }

        return string.IsNullOrWhiteSpace(records[0].Sns!.Message)
            ? "Records[0].Sns.Message is empty: expected the alarm notification as a JSON string"
            : null;
    }

    private static string? DecodeMessage(string text, out SnsAlarmMessage? message)
    {
        message = null;
        try
        {
            using (var inner = JsonDocument.Parse(text))
            {
                if (DuplicateKeys.Find(inner.RootElement, "Records[0].Sns.Message") is { } duplicate)
                {
                    return $"the alarm notification names {duplicate} more than once; each field may appear only once";
                }
            }

            message = JsonSerializer.Deserialize(text, OrchestratorJsonContext.Default.SnsAlarmMessage);
        }
        catch (JsonException ex)
        {
            return $"Records[0].Sns.Message is not an alarm notification: {ex.Message.Split(". ")[0]}";
        }

        return message is null ? "Records[0].Sns.Message is null" : null;
    }
}
