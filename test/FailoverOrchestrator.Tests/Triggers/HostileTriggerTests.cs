using System.Text;
using FailoverOrchestrator.Hosting;
using FailoverOrchestrator.Tests.TestSupport;
using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Tests.Triggers;

/// <summary>
/// Payloads built to make the parser see something other than what a person reading them sees. The alarm shapes
/// follow AWS's sample events (reference/events: the Lambda-action, EventBridge and SNS samples) and the CloudWatch
/// alarm ARN format of the AWS documentation (service authorization reference, Amazon CloudWatch, resource type
/// <c>alarm</c>: <c>arn:${Partition}:cloudwatch:${Region}:${Account}:alarm:${AlarmName}</c>).
/// </summary>
public class HostileTriggerTests
{
    private static readonly string LambdaAction = Encoding.UTF8.GetString(TestConfig.Event("alarm-lambda-action.json"));

    [Theory]
    [InlineData("""{"command":"plan","app":"shop","command":"failover","confirm":"shop"}""", "$.command")]
    [InlineData("""{"command":"failover","app":"shop","dryRun":true,"dryRun":false,"confirm":"shop"}""", "$.dryRun")]
    [InlineData("""{"command":"failover","app":"web","app":"shop","confirm":"shop"}""", "$.app")]
    public void Parse_CommandWithDuplicateKey_RejectedNamingTheKey(string payload, string path)
    {
        var result = TriggerParser.Parse(Encoding.UTF8.GetBytes(payload));

        Assert.Null(result.Trigger);
        Assert.Contains($"names {path} more than once", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AlarmWithDuplicateStateValue_Rejected()
    {
        var payload = LambdaAction.Replace("\"value\": \"ALARM\",", "\"value\": \"OK\", \"value\": \"ALARM\",", StringComparison.Ordinal);

        var result = TriggerParser.Parse(Encoding.UTF8.GetBytes(payload));

        Assert.Null(result.Trigger);
        Assert.Contains("$.alarmData.state.value more than once", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SnsMessageWithDuplicateKey_Rejected()
    {
        var sample = Encoding.UTF8.GetString(TestConfig.Event("alarm-sns.json"));
        var payload = sample.Replace("\\\"NewStateValue\\\": \\\"ALARM\\\"",
            "\\\"NewStateValue\\\": \\\"OK\\\", \\\"NewStateValue\\\": \\\"ALARM\\\"", StringComparison.Ordinal);
        Assert.NotEqual(sample, payload);

        var result = TriggerParser.Parse(Encoding.UTF8.GetBytes(payload));

        Assert.Null(result.Trigger);
        Assert.Contains("NewStateValue more than once", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Each ARN breaks one part of the documented format, or disagrees with the rest of the event.</summary>
    [Theory]
    [InlineData("arn:aws:sns:us-east-1:111122223333:alarm:shop-primary-unhealthy", "not a CloudWatch alarm ARN")]
    [InlineData("arn:aws:cloudwatch:us-east-1:111122223333:dashboard:alarm:shop-primary-unhealthy", "not a CloudWatch alarm ARN")]
    [InlineData("arn:aws-cn:cloudwatch:us-east-1:111122223333:alarm:shop-primary-unhealthy", "belongs to 'aws'")]
    [InlineData("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:shop-primary-unhealthy",
        "is in region eu-west-1, but the event comes from us-east-1")]
    [InlineData("arn:aws:cloudwatch:us-east-1:444455556666:alarm:shop-primary-unhealthy",
        "is in account 444455556666, but accountId is 111122223333")]
    [InlineData("arn:aws:cloudwatch:us-east-1:111122223333:alarm:someone-elses-alarm", "names alarm 'someone-elses-alarm'")]
    public void Parse_AlarmArnThatIsNotThisAlarm_Rejected(string arn, string expected)
    {
        var payload =
            LambdaAction.Replace("arn:aws:cloudwatch:us-east-1:111122223333:alarm:shop-primary-unhealthy", arn, StringComparison.Ordinal);

        var result = TriggerParser.Parse(Encoding.UTF8.GetBytes(payload));

        Assert.Null(result.Trigger);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AlarmNameWithColon_NameIsTheWholeTail()
    {
        var payload = LambdaAction.Replace("shop-primary-unhealthy", "shop:primary", StringComparison.Ordinal);

        var trigger = TriggerParser.Parse(Encoding.UTF8.GetBytes(payload)).Trigger!;

        Assert.Equal("shop:primary", trigger.AlarmName);
        Assert.Equal("us-east-1", trigger.AlarmRegion);
    }

    /// <summary>
    /// A composite alarm in ALARM whose actions its suppressor holds back: the field and its place (inside the state
    /// object) are those of AWS's composite-alarm sample event for Lambda actions (CloudWatch user guide, "Lambda
    /// alarm actions"; the same sample is a fixture of awslabs/aws-lambda-rust-runtime) and the values of the
    /// CompositeAlarm API reference (WaitPeriod | ExtensionPeriod | Alarm).
    /// </summary>
    [Theory]
    [InlineData("WaitPeriod")]
    [InlineData("ExtensionPeriod")]
    [InlineData("Alarm")]
    public void Route_CompositeAlarmWithActionsSuppressed_Ignored(string suppressedBy)
    {
        var payload = LambdaAction
            .Replace("\"timestamp\": \"2026-03-04T08:01:00.123+0000\"",
                $"\"timestamp\": \"2026-03-04T08:01:00.123+0000\", \"actionsSuppressedBy\": \"{suppressedBy}\"", StringComparison.Ordinal)
            .Replace("\"metrics\": [", "\"alarmRule\": \"ALARM(a) OR ALARM(b)\", \"metrics\": [", StringComparison.Ordinal);
        var trigger = TriggerParser.Parse(Encoding.UTF8.GetBytes(payload)).Trigger!;

        var (_, early) = TriggerRouter.Route(trigger, TestConfig.Load());

        Assert.Equal(FailoverOrchestrator.Results.Outcome.Ignored, early!.Outcome);
        Assert.Contains($"actions suppressed ({suppressedBy})", early.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// AWS's composite sample has <c>actionsSuppressedBy</c> on the previous state only (ALARM to ALARM): the wait
    /// period is over and the actions run now, so the failover does too. The sample itself is used for its shape, not
    /// its bytes: its alarmArn names SuppressionDemo.Main while its alarmName is CompositeDemo.Main, and its ARNs and
    /// timestamps carry stray spaces; a real event names one alarm.
    /// </summary>
    [Fact]
    public void Route_CompositeAlarmWhoseSuppressionEnded_Acts()
    {
        var payload = LambdaAction
            .Replace("\"value\": \"OK\",", "\"value\": \"ALARM\",", StringComparison.Ordinal)
            .Replace("\"timestamp\": \"2026-03-01T10:12:00.456+0000\"",
                "\"timestamp\": \"2026-03-01T10:12:00.456+0000\", \"actionsSuppressedBy\": \"WaitPeriod\", \"actionsSuppressedReason\": "
                + "\"Actions suppressed by WaitPeriod\"", StringComparison.Ordinal)
            .Replace("\"metrics\": [",
                "\"alarmRule\": \"ALARM(a) OR ALARM(b)\", \"actionsSuppressor\": \"shop-maintenance\", \"metrics\": [",
                StringComparison.Ordinal);
        var trigger = TriggerParser.Parse(Encoding.UTF8.GetBytes(payload)).Trigger!;

        var (app, early) = TriggerRouter.Route(trigger, TestConfig.Load());

        Assert.Null(early);
        Assert.Equal("shop", app!.Name);
        Assert.Equal("ALARM", trigger.PreviousState);
    }

    [Theory]
    [InlineData("arn:aws:cloudwatch:eu-west-1:111122223333:alarm:shop-primary-unhealthy", "eu-west-1",
        "watches the alarm of that name in us-east-1")]
    [InlineData("arn:aws-cn:cloudwatch:cn-north-1:111122223333:alarm:shop-primary-unhealthy", "cn-north-1", "partition aws-cn")]
    public void Route_ConsistentAlarmFromAnotherRegionOrPartition_Ignored(string arn, string region, string expected)
    {
        var payload = LambdaAction
            .Replace("arn:aws:cloudwatch:us-east-1:111122223333:alarm:shop-primary-unhealthy", arn, StringComparison.Ordinal)
            .Replace("\"region\": \"us-east-1\"", $"\"region\": \"{region}\"", StringComparison.Ordinal);
        var trigger = TriggerParser.Parse(Encoding.UTF8.GetBytes(payload)).Trigger!;
        var options = TestConfig.Load();
        options.Apps["shop"].AlarmRegion = region == "cn-north-1" ? "cn-north-1" : "us-east-1";

        var (_, early) = TriggerRouter.Route(trigger, options);

        Assert.Equal(FailoverOrchestrator.Results.Outcome.Ignored, early!.Outcome);
        Assert.Contains(expected, early.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReasonWithNewlineEscapeAndBidiControls_Escaped()
    {
        var payload = """{"command":"failover","app":"shop","confirm":"shop","reason":"drill\nOutcome: FAILED BACK\u001b[2J\u202Eevil"}""";

        var trigger = TriggerParser.Parse(Encoding.UTF8.GetBytes(payload)).Trigger!;

        Assert.Equal("drill\\nOutcome: FAILED BACK\\u001B[2J\\u202Eevil", trigger.Reason);
    }

    [Fact]
    public async Task ReadPayloadAsync_OversizePayload_RejectionNamesItsRealSize()
    {
        var size = 300_000;
        var bytes = new byte[size];
        Array.Fill(bytes, (byte)' ');

        var payload = await OrchestratorHost.ReadPayloadAsync(new MemoryStream(bytes), CancellationToken.None);
        var result = TriggerParser.Parse(payload);

        Assert.Equal($"the payload is {size} bytes, more than the {TriggerParser.MaxPayloadBytes} accepted", result.Error);
    }
}
