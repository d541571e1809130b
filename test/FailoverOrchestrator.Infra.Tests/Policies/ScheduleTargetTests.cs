using FailoverOrchestrator.Infra.Tests.Templates;
using static FailoverOrchestrator.Infra.Tests.Policies.FunctionRoleTemplate;

namespace FailoverOrchestrator.Infra.Tests.Policies;

/// <summary>What the schedules hand the function: the watch and heartbeat commands, every minute.</summary>
public class ScheduleTargetTests
{
    [Fact]
    public void WatchSchedule_Input_IsTheWatchCommandWithSchedulersTime()
    {
        var target = Main.Properties("WatchSchedule")["Target"]!;

        // Scheduler hands the target's Input to Lambda as the event, with its context attributes filled in
        // (https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-schedule-context-attributes.html).
        Assert.Equal("""{"command":"watch","app":"${WatchedApp}","scheduledTime":"<aws.scheduler.scheduled-time>"}""",
            Intrinsic.Text(target["Input"]!["Fn::Sub"]));
        Assert.Equal("rate(1 minute)", Intrinsic.Text(Main.Properties("WatchSchedule")["ScheduleExpression"]));
        Assert.Equal("!GetAtt Function.Arn", Intrinsic.Describe(target["Arn"]));
    }

    [Fact]
    public void HeartbeatSchedule_Input_IsTheHeartbeatCommandEveryMinute()
    {
        var target = Main.Properties("HeartbeatSchedule")["Target"]!;

        // The heartbeat command takes no scheduledTime (the parser refuses it for anything but watch), and the
        // schedule's rate is the default Replication:HeartbeatIntervalSeconds (60) the bound counts on.
        Assert.Equal("""{"command":"heartbeat","app":"${HeartbeatApp}"}""", Intrinsic.Text(target["Input"]!["Fn::Sub"]));
        Assert.Equal("rate(1 minute)", Intrinsic.Text(Main.Properties("HeartbeatSchedule")["ScheduleExpression"]));
        Assert.Equal("!GetAtt ScheduleRole.Arn", Intrinsic.Describe(target["RoleArn"]));
        Assert.Equal("!GetAtt Function.Arn", Intrinsic.Describe(target["Arn"]));
        Assert.Equal(60, new FailoverOrchestrator.Configuration.ReplicationOptions().HeartbeatIntervalSeconds);
    }
}
