using System.Text.Json;
using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Tests.Triggers;

public class OperatorCommandsTests
{
    [Fact]
    public void Reset_PlainNames_ReadsAsTheReadmeWritesIt()
    {
        Assert.Equal("""{"command":"reset","app":"shop","region":"<serving region>","confirm":"shop"}""",
            OperatorCommands.Reset("shop", "<serving region>"));
    }

    [Fact]
    public void Resume_NameWithQuoteAndBackslash_StaysOneParseableCommand()
    {
        var command = OperatorCommands.Resume("a\"b\\c");

        using var parsed = JsonDocument.Parse(command);
        Assert.Equal("resume", parsed.RootElement.GetProperty("command").GetString());
        Assert.Equal("a\"b\\c", parsed.RootElement.GetProperty("app").GetString());
        Assert.Equal("a\"b\\c", parsed.RootElement.GetProperty("confirm").GetString());
    }

    [Fact]
    public void Status_Parsed_IsAStatusTriggerForTheApp()
    {
        var parsed = TriggerParser.Parse(System.Text.Encoding.UTF8.GetBytes(OperatorCommands.Status("shop")));

        Assert.Equal(TriggerCommand.Status, parsed.Trigger!.Command);
        Assert.Equal("shop", parsed.Trigger.App);
    }
}
