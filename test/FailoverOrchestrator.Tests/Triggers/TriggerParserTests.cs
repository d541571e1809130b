using FailoverOrchestrator.Tests.TestSupport;
using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Tests.Triggers;

public class TriggerParserTests
{
    private const string Arn = "arn:aws:cloudwatch:us-east-1:111122223333:alarm:shop-primary-unhealthy";

    [Theory]
    [InlineData("alarm-lambda-action.json", "AlarmLambdaAction")]
    [InlineData("alarm-eventbridge.json", "AlarmEventBridge")]
    [InlineData("alarm-sns.json", "AlarmSns")]
    public void Parse_AlarmSample_ReturnsAlarmTriggerIntoAlarm(string sample, string sourceName)
    {
        var source = Enum.Parse<TriggerSource>(sourceName);

        var result = TriggerParser.Parse(TestConfig.Event(sample));

        var trigger = Assert.IsType<FailoverTrigger>(result.Trigger);
        Assert.Null(result.Error);
        Assert.Equal(source, trigger.Source);
        Assert.Equal(TriggerCommand.Failover, trigger.Command);
        Assert.Equal("shop-primary-unhealthy", trigger.AlarmName);
        Assert.Equal(Arn, trigger.AlarmArn);
        Assert.Equal("111122223333", trigger.AccountId);
        Assert.Equal("ALARM", trigger.State);
        Assert.Equal("OK", trigger.PreviousState);
        Assert.Equal(new DateTimeOffset(2026, 3, 4, 8, 1, 0, 123, TimeSpan.Zero), trigger.StateChangedAt);
        Assert.False(trigger.IsComposite);
    }

    [Fact]
    public void Parse_SameTransitionThroughThreeRoutes_SameIdempotencyKey()
    {
        var keys = new[] { "alarm-lambda-action.json", "alarm-eventbridge.json", "alarm-sns.json" }
            .Select(s => TriggerParser.Parse(TestConfig.Event(s)).Trigger!.IdempotencyKey)
            .Distinct()
            .ToList();

        Assert.Equal([$"{Arn}#2026-03-04T08:01:00.123Z"], keys);
    }

    [Fact]
    public void Parse_CommandFailoverSample_ReturnsConfirmedOperatorFailover()
    {
        var trigger = TriggerParser.Parse(TestConfig.Event("command-failover.json")).Trigger!;

        Assert.Equal(TriggerSource.Operator, trigger.Source);
        Assert.Equal(TriggerCommand.Failover, trigger.Command);
        Assert.Equal("shop", trigger.App);
        Assert.Equal("shop", trigger.Confirm);
        Assert.Equal("quarterly DR drill", trigger.Reason);
        Assert.False(trigger.DryRun);
    }

    [Fact]
    public void Parse_CommandPlanSample_ReturnsPlan()
    {
        var trigger = TriggerParser.Parse(TestConfig.Event("command-plan.json")).Trigger!;

        Assert.Equal(TriggerCommand.Plan, trigger.Command);
        Assert.Equal("shop", trigger.App);
    }

    [Theory]
    [InlineData("alarm-ok.json", "OK", "ALARM")]
    [InlineData("alarm-insufficient-data.json", "INSUFFICIENT_DATA", "OK")]
    public void Parse_NonAlarmTransition_ReturnsTriggerWithThatState(string sample, string state, string previous)
    {
        var trigger = TriggerParser.Parse(TestConfig.Event(sample)).Trigger!;

        Assert.Equal(state, trigger.State);
        Assert.Equal(previous, trigger.PreviousState);
    }

    [Fact]
    public void Parse_CompositeAlarm_MarkedComposite()
    {
        var trigger = TriggerParser.Parse(TestConfig.Event("alarm-composite-ok.json")).Trigger!;

        Assert.True(trigger.IsComposite);
    }

    [Fact]
    public void Parse_EventBridgeCompositeInAlarm_Accepted()
    {
        var json = """
            {"version":"0","detail-type":"CloudWatch Alarm State Change","source":"aws.cloudwatch","account":"111122223333","region":"us-east-1",
             "resources":["arn:aws:cloudwatch:us-east-1:111122223333:alarm:shop-composite"],
             "detail":{"alarmName":"shop-composite","state":{"value":"ALARM","timestamp":"2026-03-04T08:01:00.123+0000"},
                       "previousState":{"value":"OK","timestamp":"2026-03-01T10:12:00.456+0000"},
                       "configuration":{"alarmRule":"ALARM(a) AND ALARM(b)"}}}
            """u8.ToArray();

        var trigger = TriggerParser.Parse(json).Trigger!;

        Assert.True(trigger.IsComposite);
        Assert.Equal("ALARM", trigger.State);
    }

    [Theory]
    [MemberData(nameof(BadInputs.All), MemberType = typeof(BadInputs))]
    public void Parse_BadInput_RejectedWithSpecificMessage(string name, string payload, string expected)
    {
        var result = TriggerParser.Parse(System.Text.Encoding.UTF8.GetBytes(payload));

        if (result.Trigger is not null)
        {
            // Some inputs parse and are refused by routing against configuration; those are covered in OrchestratorHostTests.
            Assert.Contains(name, BadInputs.RefusedByRouting);
            return;
        }

        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Oversize_Rejected()
    {
        var payload = new byte[TriggerParser.MaxPayloadBytes + 1];
        Array.Fill(payload, (byte)' ');

        var result = TriggerParser.Parse(payload);

        Assert.StartsWith($"the payload is {TriggerParser.MaxPayloadBytes + 1} bytes", result.Error, StringComparison.Ordinal);
    }
}
