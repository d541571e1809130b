using System.Globalization;

namespace FailoverOrchestrator.Triggers;

/// <summary>Checks what every alarm delivery format must carry, and that its parts name one alarm, then builds the trigger.</summary>
internal static class AlarmTriggerBuilder
{
    private static readonly string[] States = ["OK", "ALARM", "INSUFFICIENT_DATA"];

    public static TriggerParseResult Build(AlarmFields alarm)
    {
        if (IdentityProblem(alarm, out var arn) is { } identity)
        {
            return TriggerParseResult.Reject(identity);
        }

        if (StateProblem(alarm, out var changedAt) is { } state)
        {
            return TriggerParseResult.Reject(state);
        }

        return TriggerParseResult.Success(Create(alarm, arn!, changedAt));
    }

    private static string? IdentityProblem(AlarmFields alarm, out AlarmArn? parsed)
    {
        var (name, account, field) = (alarm.AlarmName, alarm.Account, alarm.ArnField);
        parsed = AlarmArn.Parse(alarm.Arn);
        if (string.IsNullOrWhiteSpace(name))
        {
            return $"{alarm.Where} has no alarm name";
        }

        if (parsed is null)
        {
            return $"{field} '{alarm.Arn}' is not a CloudWatch alarm ARN (arn:<partition>:cloudwatch:<region>:<account>:alarm:<name>)";
        }

        if (string.IsNullOrWhiteSpace(account) || account.Length != 12 || !account.All(char.IsAsciiDigit))
        {
            return $"{alarm.AccountField} '{account}' is not a 12-digit AWS account id";
        }

        // The parts of one event must name one alarm: a payload whose ARN names another alarm, account, region or
        // partition than the rest of it is not what CloudWatch sends.
        var partition = AlarmArn.PartitionOf(parsed.Region);
        return parsed switch
        {
            _ when parsed.Name != name => $"{field} names alarm '{parsed.Name}', but the event is about alarm '{name}'",
            _ when parsed.Account != account => $"{field} is in account {parsed.Account}, but {alarm.AccountField} is {account}",
            _ when alarm.EventRegion is { } region && parsed.Region != region => $"{field} is in region {parsed.Region}, but the " +
                $"event comes from {region}",
            _ when parsed.Partition != partition => $"{field} puts region {parsed.Region} in partition '{parsed.Partition}'; " +
                $"it belongs to '{partition}'",
            _ => null,
        };
    }

    private static string? StateProblem(AlarmFields alarm, out DateTimeOffset changedAt)
    {
        changedAt = default;
        var state = alarm.State?.Value;
        if (state is null)
        {
            return $"{alarm.Where} has no alarm state";
        }

        if (!States.Contains(state, StringComparer.Ordinal))
        {
            return $"alarm state '{state}' is not one of OK, ALARM, INSUFFICIENT_DATA (case-sensitive)";
        }

        if (alarm.PreviousState is { } previous && !States.Contains(previous, StringComparer.Ordinal))
        {
            return $"previous alarm state '{previous}' is not one of OK, ALARM, INSUFFICIENT_DATA (case-sensitive)";
        }

        var timestamp = alarm.State!.Timestamp;
        return AwsTimestamp.TryParse(timestamp, out changedAt) ? null : $"alarm state timestamp '{timestamp}' is not a valid timestamp";
    }

    private static FailoverTrigger Create(AlarmFields alarm, AlarmArn arn, DateTimeOffset changedAt) => new()
    {
        Source = alarm.Source,
        Command = TriggerCommand.Failover,
        AlarmName = alarm.AlarmName,
        AlarmArn = alarm.Arn,
        AccountId = alarm.Account,
        State = alarm.State!.Value,
        PreviousState = alarm.PreviousState,
        StateChangedAt = changedAt,
        IsComposite = alarm.IsComposite,
        AlarmRegion = arn.Region,
        AlarmPartition = arn.Partition,
        ActionsSuppressedBy = alarm.State.ActionsSuppressedBy,
        // The same transition delivered by any of the three routes gets the same key.
        IdempotencyKey = $"{alarm.Arn}#{changedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}",
    };
}
