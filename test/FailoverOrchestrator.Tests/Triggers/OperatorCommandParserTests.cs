using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Tests.Triggers;

/// <summary>
/// Which command takes which field: every command against every optional field, and each numeric or length limit just
/// inside, on and just outside. A row is the JSON an operator sends (AWS CLI <c>lambda invoke --payload</c>), parsed
/// the way the function parses it; "" expected means accepted.
/// </summary>
public sealed class OperatorCommandParserTests
{
    private static readonly string[] Commands = ["failover", "failback", "status", "plan", "resume", "reset", "watch", "heartbeat"];

    public static TheoryData<string, string, string> FieldRows
    {
        get
        {
            var rows = new TheoryData<string, string, string>();
            foreach (var command in Commands)
            {
                var region = command == "reset" ? ""","region":"us-east-1" """ : string.Empty;
                rows.Add(command, region, string.Empty);
                rows.Add(command, ""","region":"us-west-2" """,
                    command == "reset" ? string.Empty : $"region is only taken by reset; '{command}' moves the app");
                rows.Add(command, region + ""","scheduledTime":"2026-03-22T18:59:43Z" """,
                    command == "watch" ? string.Empty : "scheduledTime is only taken by watch (the schedule's " +
                    $"<aws.scheduler.scheduled-time>), not by '{command}'");
                rows.Add(command, region + ""","acceptDataLossSeconds":30""",
                    command is "failover" or "failback" ? string.Empty : "acceptDataLossSeconds is only taken by failover and " +
                    $"failback, not '{command}'");
                rows.Add(command, region + ""","dryRun":true""",
                    command is "status" or "reset" or "watch" or "heartbeat" ? $"dryRun does not apply to '{command}'" : string.Empty);
                rows.Add(command, region + ""","dryRun":false""", string.Empty);
            }

            return rows;
        }
    }

    [Theory]
    [MemberData(nameof(FieldRows))]
    public void Parse_CommandWithField_AcceptedOnlyByTheCommandsThatTakeIt(string command, string fields, string expected)
    {
        var result = Parse($$"""{"command":"{{command}}","app":"shop"{{fields}}}""");

        AssertOutcome(result, expected);
        if (expected.Length == 0)
        {
            Assert.Equal(Enum.Parse<TriggerCommand>(command, ignoreCase: true), result.Trigger!.Command);
        }
    }

    [Theory]
    [InlineData(""","acceptDataLossSeconds":-1""",
        "acceptDataLossSeconds is -1: give the seconds of writes you accept to lose, 0 to 86400")]
    [InlineData(""","acceptDataLossSeconds":0""", "")]
    [InlineData(""","acceptDataLossSeconds":86400""", "")]
    [InlineData(""","acceptDataLossSeconds":86401""",
        "acceptDataLossSeconds is 86401: give the seconds of writes you accept to lose, 0 to 86400")]
    [InlineData(""","reason":"R499" """, "")]
    [InlineData(""","reason":"R500" """, "")]
    [InlineData(""","reason":"R501" """, "reason is 501 characters, more than the 500 accepted")]
    public void Parse_FailoverAtALimit_AcceptedInsideRejectedOutside(string fields, string expected)
    {
        fields = fields.Replace("R499", new string('r', 499), StringComparison.Ordinal)
            .Replace("R500", new string('r', 500), StringComparison.Ordinal)
            .Replace("R501", new string('r', 501), StringComparison.Ordinal);

        AssertOutcome(Parse($$"""{"command":"failover","app":"shop","confirm":"shop"{{fields}}}"""), expected);
    }

    [Theory]
    [InlineData("2026-03-22T18:59:43Z", "")]
    [InlineData("2026-03-22T18:59:43+00:00", "scheduledTime '2026-03-22T18:59:43+00:00' is not a UTC time such as 2026-03-22T18:59:43Z")]
    [InlineData("2026-03-22T18:59:43.000Z", "scheduledTime '2026-03-22T18:59:43.000Z' is not a UTC time")]
    [InlineData("2026-02-30T18:59:43Z", "scheduledTime '2026-02-30T18:59:43Z' is not a UTC time")]
    [InlineData("<aws.scheduler.scheduled-time>", "scheduledTime '<aws.scheduler.scheduled-time>' is not a UTC time")]
    public void Parse_WatchScheduledTime_OnlyTheFormSchedulerFillsIn(string scheduledTime, string expected)
    {
        var result = Parse($$"""{"command":"watch","app":"shop","scheduledTime":"{{scheduledTime}}"}""");

        AssertOutcome(result, expected);
        if (expected.Length == 0)
        {
            Assert.Equal(new DateTimeOffset(2026, 3, 22, 18, 59, 43, TimeSpan.Zero), result.Trigger!.StateChangedAt);
        }
    }

    [Theory]
    [InlineData("""{"command":"reset","app":"shop"}""", "reset needs the region that serves traffic now")]
    [InlineData("""{"command":"reset","app":"shop","region":" "}""", "reset needs the region that serves traffic now")]
    [InlineData("""{"command":"status","app":" "}""", "command 'status' needs an app")]
    [InlineData("""{"command":" ","app":"shop"}""", "command is empty")]
    [InlineData("""{"command":"Status","app":"shop"}""", "unknown command 'Status'")]
    public void Parse_MissingOrMisspeltPart_RejectedNamingIt(string payload, string expected)
    {
        AssertOutcome(Parse(payload), expected);
    }

    [Fact]
    public void Parse_ReasonWithControlCharacters_EscapedOnce()
    {
        var trigger = Parse("""{"command":"plan","app":"shop","reason":"line\nforged"}""").Trigger!;

        Assert.DoesNotContain('\n', trigger.Reason!);
        Assert.Contains("forged", trigger.Reason, StringComparison.Ordinal);
    }

    private static TriggerParseResult Parse(string json) => TriggerParser.Parse(System.Text.Encoding.UTF8.GetBytes(json));

    private static void AssertOutcome(TriggerParseResult result, string expected)
    {
        if (expected.Length == 0)
        {
            Assert.True(result.Trigger is not null, result.Error);
            Assert.Equal(TriggerSource.Operator, result.Trigger.Source);
        }
        else
        {
            Assert.Null(result.Trigger);
            Assert.StartsWith(expected, result.Error, StringComparison.Ordinal);
        }
    }
}
