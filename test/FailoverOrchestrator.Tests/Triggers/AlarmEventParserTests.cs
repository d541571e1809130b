using System.Text.Json.Nodes;
using FailoverOrchestrator.Tests.TestSupport;
using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Tests.Triggers;

/// <summary>
/// One decision table, run over AWS's three sample deliveries of the same alarm transition (the samples under
/// samples/events are AWS's: the Lambda alarm action and EventBridge examples of the CloudWatch user guide, and the SNS
/// notification Lambda receives): each row changes one field the way a wrong or forged event would, and the rejection
/// must name that field as the format spells it.
/// </summary>
public sealed class AlarmEventParserTests
{
    private const string Arn = "arn:aws:cloudwatch:us-east-1:111122223333:alarm:shop-primary-unhealthy";

    public static TheoryData<string, string, string?, string> Rows
    {
        get
        {
            var rows = new TheoryData<string, string, string?, string>();
            foreach (var format in Formats.Keys)
            {
                rows.Add(format, "Name", null, "{where} has no alarm name");
                rows.Add(format, "Name", " ", "{where} has no alarm name");
                rows.Add(format, "Arn", "arn:aws:sns:us-east-1:111122223333:shop",
                    "{arn} 'arn:aws:sns:us-east-1:111122223333:shop' is not a CloudWatch alarm ARN");
                rows.Add(format, "Arn", Arn.Replace("shop-primary-unhealthy", "other", StringComparison.Ordinal),
                    "{arn} names alarm 'other', but the event is about alarm 'shop-primary-unhealthy'");
                rows.Add(format, "Arn", Arn.Replace("111122223333", "444455556666", StringComparison.Ordinal),
                    "{arn} is in account 444455556666, but {account} is 111122223333");
                rows.Add(format, "Arn", Arn.Replace("us-east-1", "eu-west-1", StringComparison.Ordinal),
                    "{arn} is in region eu-west-1, but the event comes from us-east-1");
                rows.Add(format, "Arn", Arn.Replace("arn:aws:", "arn:aws-cn:", StringComparison.Ordinal),
                    "{arn} puts region us-east-1 in partition 'aws-cn'; it belongs to 'aws'");
                rows.Add(format, "Account", "11112222333", "{account} '11112222333' is not a 12-digit AWS account id");
                rows.Add(format, "Account", "1111222233334", "{account} '1111222233334' is not a 12-digit AWS account id");
                rows.Add(format, "State", null, "{where} has no alarm state");
                rows.Add(format, "State", "alarm", "alarm state 'alarm' is not one of OK, ALARM, INSUFFICIENT_DATA (case-sensitive)");
                rows.Add(format, "State", "OK", string.Empty);
                rows.Add(format, "State", "INSUFFICIENT_DATA", string.Empty);
                rows.Add(format, "Previous", "ok", "previous alarm state 'ok' is not one of OK, ALARM, INSUFFICIENT_DATA (case-sensitive)");
                rows.Add(format, "Previous", "INSUFFICIENT_DATA", string.Empty);
                rows.Add(format, "Timestamp", "yesterday", "alarm state timestamp 'yesterday' is not a valid timestamp");
                rows.Add(format, "Timestamp", "2026-03-04T08:01:00.123Z", string.Empty);
            }

            return rows;
        }
    }

    /// <summary>Where each format keeps each field, and the names its rejections use.</summary>
    private static Dictionary<string, Format> Formats { get; } = new(StringComparer.Ordinal)
    {
        ["alarm-lambda-action.json"] = new("alarmData", "alarmArn", "accountId", new()
        {
            ["Name"] = "alarmData.alarmName", ["Arn"] = "alarmArn", ["Account"] = "accountId", ["State"] = "alarmData.state.value",
            ["Previous"] = "alarmData.previousState.value", ["Timestamp"] = "alarmData.state.timestamp",
        }),
        ["alarm-eventbridge.json"] = new("detail", "resources[0]", "account", new()
        {
            ["Name"] = "detail.alarmName", ["Arn"] = "resources.0", ["Account"] = "account", ["State"] = "detail.state.value",
            ["Previous"] = "detail.previousState.value", ["Timestamp"] = "detail.state.timestamp",
        }),
        ["alarm-sns.json"] = new("Records[0].Sns.Message", "AlarmArn", "AWSAccountId", new()
        {
            ["Name"] = "AlarmName", ["Arn"] = "AlarmArn", ["Account"] = "AWSAccountId", ["State"] = "NewStateValue",
            ["Previous"] = "OldStateValue", ["Timestamp"] = "StateChangeTime",
        }),
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Parse_SampleWithOneFieldChanged_AcceptedOrRejectedNamingTheField(
        string sample, string field, string? value, string expected)
    {
        var format = Formats[sample];

        var result = TriggerParser.Parse(Changed(sample, format.Paths[field], value));

        if (expected.Length == 0)
        {
            Assert.True(result.Trigger is not null, result.Error);
            Assert.Equal(field == "State" ? value : "ALARM", result.Trigger.State);
        }
        else
        {
            Assert.Null(result.Trigger);
            Assert.StartsWith(format.Expand(expected), result.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("2026-03-04T08:01:00.123+0000", "2026-03-04T08:01:00.1230000+00:00")]
    [InlineData("2026-03-04T09:01:00.123+0100", "2026-03-04T08:01:00.1230000+00:00")]
    [InlineData("2026-03-04T08:01:00.123-0230", "2026-03-04T10:31:00.1230000+00:00")]
    [InlineData("2026-03-04T08:01:00Z", "2026-03-04T08:01:00.0000000+00:00")]
    [InlineData("2026-03-04T08:01:00.123+00:00", "2026-03-04T08:01:00.1230000+00:00")]
    public void TryParse_CloudWatchTimestamp_ReadsTheOffsetWithOrWithoutColon(string text, string expected)
    {
        Assert.True(AwsTimestamp.TryParse(text, out var value));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("+0000")]
    [InlineData("yesterday")]
    public void TryParse_NotATimestamp_False(string? text)
    {
        Assert.False(AwsTimestamp.TryParse(text, out _));
    }

    /// <summary>The sample with the field at <paramref name="path"/> (dots between levels) set, or removed when null.</summary>
    private static byte[] Changed(string sample, string path, string? value)
    {
        var root = JsonNode.Parse(TestConfig.Event(sample))!;
        if (sample == "alarm-sns.json")
        {
            // The alarm notification is a JSON string inside the SNS record, as SNS delivers it.
            var sns = root["Records"]![0]!["Sns"]!;
            var message = JsonNode.Parse(sns["Message"]!.GetValue<string>())!;
            Set(message, path, value);
            sns["Message"] = message.ToJsonString();
        }
        else
        {
            Set(root, path, value);
        }

        return System.Text.Encoding.UTF8.GetBytes(root.ToJsonString());
    }

    private static void Set(JsonNode root, string path, string? value)
    {
        var parts = path.Split('.');
        var parent = parts[..^1].Aggregate(root, (node, part) => int.TryParse(part, out var i) ? node[i]! : node[part]!);
        var last = parts[^1];
        if (int.TryParse(last, out var index))
        {
            parent[index] = value;
        }
        else if (value is null)
        {
            parent.AsObject().Remove(last);
        }
        else
        {
            parent[last] = value;
        }
    }

    private sealed record Format(string Where, string ArnField, string AccountField, Dictionary<string, string> Paths)
    {
        public string Expand(string expected) => expected
            .Replace("{where}", Where, StringComparison.Ordinal)
            .Replace("{arn}", ArnField, StringComparison.Ordinal)
            .Replace("{account}", AccountField, StringComparison.Ordinal);
    }
}
