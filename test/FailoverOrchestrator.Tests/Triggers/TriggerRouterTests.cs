using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Tests.TestSupport;
using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Tests.Triggers;

/// <summary>
/// Which app a trigger is for and whether it may act, as a decision table over the sample configuration (app
/// <c>shop</c>: alarm <c>shop-primary-unhealthy</c> in us-east-1 of account 111122223333, primary us-east-1, standby
/// us-west-2). Each row: the trigger, the app routed to (or none), and the early answer (or none: it goes on).
/// </summary>
public class TriggerRouterTests
{
    private static readonly OrchestratorOptions Options = TestConfig.Load();

    private static readonly FailoverTrigger Alarm = new()
    {
        Source = TriggerSource.AlarmEventBridge,
        Command = TriggerCommand.Failover,
        IdempotencyKey = "arn#2026-12-01T10:00:00Z",
        AlarmName = "shop-primary-unhealthy",
        AccountId = "111122223333",
        AlarmRegion = "us-east-1",
        AlarmPartition = "aws",
        State = "ALARM",
    };

    private static readonly FailoverTrigger Command = new()
    {
        Source = TriggerSource.Operator,
        Command = TriggerCommand.Failover,
        IdempotencyKey = "operator#failover#1",
        App = "shop",
        Confirm = "shop",
        Reason = "drill",
    };

    private static readonly Dictionary<string, (FailoverTrigger Trigger, string? App, Outcome? Outcome, string? Reason)> Table = new()
    {
        ["alarm into ALARM"] = (Alarm, "shop", null, null),
        ["alarm of no app"] = (Alarm with { AlarmName = "other-alarm" }, null, Outcome.Ignored,
            "alarm 'other-alarm' is not configured for any app"),
        ["alarm from another account"] = (Alarm with { AccountId = "444455556666" }, null, Outcome.Ignored,
            "comes from account 444455556666, but app 'shop' expects account 111122223333"),
        ["alarm of that name in another region"] = (Alarm with { AlarmRegion = "us-west-2" }, null, Outcome.Ignored,
            "is in region us-west-2, but app 'shop' watches the alarm of that name in us-east-1"),
        ["alarm from another partition"] = (Alarm with { AlarmPartition = "aws-cn" }, null, Outcome.Ignored,
            "is in partition aws-cn; this orchestrator runs in aws"),
        ["composite alarm with actions suppressed"] = (Alarm with { ActionsSuppressedBy = "WaitPeriod" }, "shop", Outcome.Ignored,
            "went to ALARM with its actions suppressed (WaitPeriod)"),
        ["alarm back to OK"] = (Alarm with { State = "OK" }, "shop", Outcome.Ignored,
            "went to OK; only a transition into ALARM starts a failover"),
        ["alarm to INSUFFICIENT_DATA"] = (Alarm with { State = "INSUFFICIENT_DATA" }, "shop", Outcome.Ignored, "went to INSUFFICIENT_DATA"),
        ["failover confirmed"] = (Command, "shop", null, null),
        ["command for no app"] = (Command with { App = "cart" }, null, Outcome.Rejected,
            "app 'cart' is not configured (configured apps: shop)"),
        ["failover without confirm"] = (Command with { Confirm = null }, "shop", Outcome.Rejected,
            "failover changes production: repeat the app name as \"confirm\": \"shop\" (no confirm was given); nothing was changed"),
        ["failback with the wrong confirm"] = (Command with { Command = TriggerCommand.Failback, Confirm = "Shop" }, "shop",
            Outcome.Rejected,
            "failback changes production: repeat the app name as \"confirm\": \"shop\" (confirm was 'Shop')"),
        ["resume without confirm"] = (Command with { Command = TriggerCommand.Resume, Confirm = null }, "shop", Outcome.Rejected,
            "resume changes production"),
        ["reset without confirm"] = (Command with { Command = TriggerCommand.Reset, Confirm = null, Region = "us-east-1" }, "shop",
            Outcome.Rejected,
            "reset changes production"),
        ["dry-run failover needs no confirm"] = (Command with { Confirm = null, DryRun = true }, "shop", null, null),
        ["status needs no confirm"] = (Command with { Command = TriggerCommand.Status, Confirm = null }, "shop", null, null),
        ["plan needs no confirm"] = (Command with { Command = TriggerCommand.Plan, Confirm = null }, "shop", null, null),
        ["reset to the standby"] = (Command with { Command = TriggerCommand.Reset, Region = "us-west-2" }, "shop", null, null),
        ["reset to a region of neither"] = (Command with { Command = TriggerCommand.Reset, Region = "eu-west-1" }, "shop", Outcome.Rejected,
            "reset region 'eu-west-1' is neither us-east-1 (primary) nor us-west-2 (standby) of app 'shop'"),
    };

    public static TheoryData<string> Cases => new(Table.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Route_DecisionTable_RoutesAndAnswersAsTheRowSays(string row)
    {
        var (trigger, app, outcome, reason) = Table[row];

        var (routed, early) = TriggerRouter.Route(trigger, Options);

        Assert.Equal(app, routed?.Name);
        Assert.Equal(outcome, early?.Outcome);
        if (reason is not null)
        {
            Assert.Contains(reason, early!.Reason, StringComparison.Ordinal);
            Assert.Equal(row.EndsWith("no app", StringComparison.Ordinal) ? null : "shop", early.App);
        }
    }
}
