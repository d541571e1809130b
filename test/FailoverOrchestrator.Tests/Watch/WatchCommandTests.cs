using System.Text;
using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Tests.Watch;

public sealed class WatchCommandTests
{
    // An EventBridge Scheduler schedule whose target is a Lambda function (templated target, Lambda Invoke) delivers
    // its Target.Input as the invocation's payload, as is: "The text, or well-formed JSON, passed to the target. If you
    // are configuring a templated Lambda ... target, the input must be a well-formed JSON"
    // (Scheduler API Target.Input; https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets-templated.html).
    // No EventBridge envelope is wrapped around it (aws/aws-lambda-go#563: an events.EventBridgeEvent handler receives
    // an empty envelope from a schedule), so the schedule's Input is this very command.
    [Fact]
    public void Parse_ScheduleInput_IsAWatchCommandForTheApp()
    {
        var result = TriggerParser.Parse(Encoding.UTF8.GetBytes("""{"command":"watch","app":"shop"}"""));

        var trigger = Assert.IsType<FailoverTrigger>(result.Trigger);
        Assert.Equal(TriggerCommand.Watch, trigger.Command);
        Assert.Equal("shop", trigger.App);
        Assert.False(trigger.IsAlarm);
    }

    // Context attribute <aws.scheduler.scheduled-time>: "The time you specified for the schedule to invoke its target,
    // for example, 2022-03-22T18:59:43Z"
    // (https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html).
    [Fact]
    public void Parse_ScheduledTimeFilledInByScheduler_IsTheRunTime()
    {
        var result =
            TriggerParser.Parse(Encoding.UTF8.GetBytes("""{"command":"watch","app":"shop","scheduledTime":"2022-03-22T18:59:43Z"}"""));

        Assert.Equal(new DateTimeOffset(2022, 3, 22, 18, 59, 43, TimeSpan.Zero), result.Trigger!.StateChangedAt);
    }

    [Theory]
    [InlineData("""{"command":"watch","app":"shop","scheduledTime":"<aws.scheduler.scheduled-time>"}""",
        "scheduledTime '<aws.scheduler.scheduled-time>' is not a UTC time")]
    [InlineData("""{"command":"status","app":"shop","scheduledTime":"2022-03-22T18:59:43Z"}""", "scheduledTime is only taken by watch")]
    [InlineData("""{"command":"watch"}""", "command 'watch' needs an app")]
    [InlineData("""{"command":"watch","app":"shop","dryRun":true}""", "dryRun does not apply to 'watch'")]
    [InlineData("""{"command":"watch","app":"shop","region":"us-west-2"}""", "region is only taken by reset")]
    [InlineData("""{"command":"Watch","app":"shop"}""", "expected one of failover, failback, status, plan, resume, reset, watch")]
    public void Parse_BadWatchCommand_RejectedNamingTheProblem(string payload, string expected)
    {
        var result = TriggerParser.Parse(Encoding.UTF8.GetBytes(payload));

        Assert.Null(result.Trigger);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }
}
