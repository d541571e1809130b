using System.Text;
using FailoverOrchestrator.Tests.TestSupport;
using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Tests.Triggers;

/// <summary>The field only one format has decides how a payload is read; and the payload's size limits, on each side.</summary>
public sealed class TriggerRoutingTests
{
    [Theory]
    [InlineData("alarm-lambda-action.json", "AlarmLambdaAction")]
    [InlineData("alarm-eventbridge.json", "AlarmEventBridge")]
    [InlineData("alarm-sns.json", "AlarmSns")]
    [InlineData("command-failover.json", "Operator")]
    [InlineData("command-plan.json", "Operator")]
    public void Parse_AwsSampleOrCommand_ReadAsItsFormat(string sample, string source)
    {
        var result = TriggerParser.Parse(TestConfig.Event(sample));

        Assert.Equal(Enum.Parse<TriggerSource>(source), result.Trigger?.Source);
    }

    [Fact]
    public void Parse_CommandWithAnAlarmField_ReadAsACommandAndRefusedNamingTheField()
    {
        // A command is checked first, and a command takes no other field: a pasted alarm cannot ride on it.
        var result = TriggerParser.Parse("""{"command":"plan","app":"shop","alarmData":{}}"""u8.ToArray());

        Assert.Null(result.Trigger);
        Assert.StartsWith("unknown field 'alarmData' in the command", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TriggerParser.MaxPayloadBytes - 1, "the payload is empty")]
    [InlineData(TriggerParser.MaxPayloadBytes, "the payload is empty")]
    [InlineData(TriggerParser.MaxPayloadBytes + 1, "the payload is 262145 bytes, more than the 262144 accepted")]
    [InlineData(TriggerParser.MaxDeliveredBytes + 1, "the payload is more than 6291456 bytes, more than the 262144 accepted")]
    public void Parse_PayloadOfSize_RefusedOverTheLimitReadUnderIt(int size, string expected)
    {
        var payload = new byte[size];
        Array.Fill(payload, (byte)' ');

        var result = TriggerParser.Parse(payload);

        Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CommandPaddedToTheLimit_Accepted()
    {
        var command = """{"command":"plan","app":"shop"}""";
        var payload = Encoding.UTF8.GetBytes(command + new string(' ', TriggerParser.MaxPayloadBytes - command.Length));

        Assert.Equal(TriggerCommand.Plan, TriggerParser.Parse(payload).Trigger?.Command);
    }
}
