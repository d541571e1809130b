using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Tests.TestSupport;
using FailoverOrchestrator.Watch;

namespace FailoverOrchestrator.Tests.Watch;

public sealed class WatchDecisionTests
{
    private const string At = "Orchestrator:Apps:shop";
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly ProbeResult Up = new("https://use1.shop.example.com/health", true, "HTTP 200");
    private static readonly ProbeResult Down = new("https://use1.shop.example.com/health", false, "ConnectionError");

    private readonly AppOptions _notify = App("Notify");
    private readonly AppOptions _failover = App("Failover");

    [Fact]
    public void Decide_PrimaryAnswers_RecordsOnlyAndClearsTheStreak()
    {
        var state = Steady(new WatchRecord { FailingSince = T0, Runs = 2, History = ["a", "b"] });

        var decision = WatchDecision.Decide(_notify, state, [Down, Up], T0.AddMinutes(2));

        Assert.Equal(WatchAction.Record, decision.Action);
        Assert.Null(decision.Next.FailingSince);
        Assert.Equal(3, decision.Next.Runs);
        Assert.StartsWith("2026-12-01 03:02:00Z healthy", decision.Next.History[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_FailingShorterThanConfigured_RecordsTheStreakOnly()
    {
        var first = WatchDecision.Decide(_notify, Steady(null), [Down], T0);
        var second = WatchDecision.Decide(_notify, Steady(first.Next), [Down], T0.AddSeconds(119));

        Assert.Equal(WatchAction.Record, second.Action);
        Assert.Equal(T0, second.Next.FailingSince);
        Assert.Contains("not yet the 120 s of Watch:FailedForSeconds", second.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_FailedForConfiguredTimeNotify_PagesOnceForTheStreak()
    {
        var prior = new WatchRecord { FailingSince = T0, Runs = 3 };

        var decision = WatchDecision.Decide(_notify, Steady(prior), [Down], T0.AddSeconds(120));
        var again = WatchDecision.Decide(_notify, Steady(decision.Next), [Down], T0.AddSeconds(180));

        Assert.Equal(WatchAction.Page, decision.Action);
        Assert.Equal(T0, decision.Next.ActedFor);
        Assert.Equal(WatchAction.Record, again.Action);
        Assert.Contains("already acted on this outage", again.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_FailedForConfiguredTimeFailoverPolicy_StartsTheFailover()
    {
        var decision = WatchDecision.Decide(_failover, Steady(new WatchRecord { FailingSince = T0, Runs = 3 }), [Down], T0.AddSeconds(121));

        Assert.Equal(WatchAction.Failover, decision.Action);
        Assert.Equal("watch#shop#" + T0.ToUnixTimeMilliseconds(), WatchDecision.TriggerKey("shop", T0));
    }

    [Fact]
    public void Decide_StandbyAlreadyActive_DoesNothingWhateverThePrimary()
    {
        var state = Steady(new WatchRecord { FailingSince = T0, Runs = 3 }) with { ActiveRegion = "us-west-2" };

        var decision = WatchDecision.Decide(_failover, state, [Down], T0.AddMinutes(10));

        Assert.Equal(WatchAction.Record, decision.Action);
        Assert.Contains("not Steady in the primary", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_OwnFailoverInterrupted_ResumesIt()
    {
        var state = Steady(new WatchRecord { FailingSince = T0, ActedFor = T0, Runs = 4 }) with
        {
            Phase = Phase.FailingOver,
            LastTriggerKey = WatchDecision.TriggerKey("shop", T0),
        };

        var decision = WatchDecision.Decide(_failover, state, [Down], T0.AddMinutes(4));

        Assert.Equal(WatchAction.Failover, decision.Action);
    }

    [Fact]
    public void Decide_ManyRuns_HistoryBoundedNewestFirst()
    {
        var app = App("Notify", historySize: 3);
        var record = WatchRecord.Empty;
        for (var i = 0; i < 5; i++)
        {
            record = WatchDecision.Decide(app, Steady(record), [Up], T0.AddMinutes(i)).Next;
        }

        Assert.Equal(3, record.History.Count);
        Assert.StartsWith("2026-12-01 03:04:00Z", record.History[0], StringComparison.Ordinal);
        Assert.Equal(5, record.Runs);
        Assert.Equal(T0.AddMinutes(4), record.LastRunAt);
    }

    private static AppState Steady(WatchRecord? watch) =>
        new() { App = "shop", ActiveRegion = "us-east-1", Phase = Phase.Steady, Watch = watch };

    private static AppOptions App(string policy, int historySize = 10) => TestConfig.Shop(
    [
        new($"{At}:Watch:HealthEndpoints:0", "https://use1.shop.example.com/health"),
        new($"{At}:Watch:Policy", policy),
        new($"{At}:Watch:FailedForSeconds", "120"),
        new($"{At}:Watch:HistorySize", historySize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ]);
}
