using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Tests.TestSupport;
using FailoverOrchestrator.Watch;
using FailoverOrchestrator.Watch.Dns;

namespace FailoverOrchestrator.Tests.Watch;

/// <summary>The watch's decision with Route 53's DNS answer beside the probes, and on a flapping primary.</summary>
public sealed class WatchDnsVerdictTests
{
    private const string At = "Orchestrator:Apps:shop";
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 3, 0, 0, TimeSpan.Zero);
    private static readonly ProbeResult Up = new("https://use1.shop.example.com/health", true, "HTTP 200");
    private static readonly ProbeResult Down = new("https://use1.shop.example.com/health", false, "ConnectionError");
    private static readonly DnsVerdict AnswersPrimary = new(DnsAnswerSide.Primary, "health.api.example.com A = 192.0.2.1 from 10.0.0.2:53");
    private static readonly DnsVerdict AnswersStandby =
        new(DnsAnswerSide.Secondary, "health.api.example.com A = 192.0.2.2 from 10.0.0.2:53");
    private static readonly DnsVerdict Silent =
        new(DnsAnswerSide.Unreachable, "health.api.example.com A: no answer from 10.0.0.2:53 within 2 s");

    private readonly AppOptions _failover = App("Failover");

    [Fact]
    public void Decide_ProbesFailRoute53AnswersStandby_FailsOverAfterTheConfiguredTime()
    {
        var prior = new WatchRecord { FailingSince = T0, Runs = 2, Recent = "FF" };

        var decision = WatchDecision.Decide(_failover, Steady(prior), Reading(Down, AnswersStandby), T0.AddSeconds(120));

        Assert.Equal(WatchAction.Failover, decision.Action);
        Assert.Contains(
            "Route 53 answers the standby: its health checkers see the primary unhealthy", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("192.0.2.2", decision.Next.History[0], StringComparison.Ordinal);
        Assert.Equal("FFF", decision.Next.Recent);
    }

    [Fact]
    public void Decide_ProbesFailRoute53AnswersPrimary_PagesTheNetworkPathOnceNeverFailsOver()
    {
        var prior = new WatchRecord { FailingSince = T0, Runs = 2, Recent = "PP" };

        var first = WatchDecision.Decide(_failover, Steady(prior), Reading(Down, AnswersPrimary), T0.AddSeconds(120));
        var second = WatchDecision.Decide(_failover, Steady(first.Next), Reading(Down, AnswersPrimary), T0.AddSeconds(180));

        Assert.Equal(WatchAction.PagePath, first.Action);
        Assert.StartsWith(
            "probes from us-west-2 fail but Route 53's health checkers see the primary healthy: check the network path from us-west-2.",
            first.Reason,
            StringComparison.Ordinal);
        Assert.Equal(T0, first.Next.PathPagedFor);
        Assert.Null(first.Next.ActedFor);
        Assert.Equal(WatchAction.Record, second.Action);
        Assert.Contains("already paged about its network path", second.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_Route53TurnsToStandbyAfterThePathPage_ActsOnTheSameStreak()
    {
        var prior = new WatchRecord { FailingSince = T0, PathPagedFor = T0, Runs = 3, Recent = "PPP" };

        var decision = WatchDecision.Decide(_failover, Steady(prior), Reading(Down, AnswersStandby), T0.AddSeconds(180));

        Assert.Equal(WatchAction.Failover, decision.Action);
        Assert.Equal(T0, decision.Next.ActedFor);
    }

    [Fact]
    public void Decide_ResolverSilent_DecidesFromTheProbesAloneAndSaysSo()
    {
        var prior = new WatchRecord { FailingSince = T0, Runs = 2, Recent = "FF" };

        var decision = WatchDecision.Decide(App("Notify"), Steady(prior), Reading(Down, Silent), T0.AddSeconds(120));

        Assert.Equal(WatchAction.Page, decision.Action);
        Assert.Contains(
            "Route 53's answer could not be read (health.api.example.com A: no answer from 10.0.0.2:53 within 2 s): "
                + "decided from the probes alone",
            decision.Reason,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ShortBlipWithRoute53OnStandby_RecordsOnly()
    {
        var first = WatchDecision.Decide(_failover, Steady(null), Reading(Down, AnswersStandby), T0);
        var back = WatchDecision.Decide(_failover, Steady(first.Next), Reading(Up, AnswersPrimary), T0.AddSeconds(60));

        Assert.Equal(WatchAction.Record, first.Action);
        Assert.Equal(WatchAction.Record, back.Action);
        Assert.Null(back.Next.FailingSince);
        Assert.Equal("HF", back.Next.Recent);
    }

    [Fact]
    public void Decide_PrimaryFlapsUnderFailoverPolicy_PagesOnceAndNeverFailsOver()
    {
        var record = WatchRecord.Empty;
        var actions = new List<WatchAction>();
        for (var run = 0; run < 10; run++)
        {
            var probe = run % 2 == 0 ? Down : Up;
            var decision = WatchDecision.Decide(_failover, Steady(record), Reading(probe, AnswersStandby), T0.AddMinutes(run));
            actions.Add(decision.Action);
            record = decision.Next;
        }

        Assert.Equal(WatchAction.PageFlapping, Assert.Single(actions, a => a != WatchAction.Record));
        Assert.Equal(4, actions.IndexOf(WatchAction.PageFlapping));
        Assert.Equal(T0.AddMinutes(4), record.FlapPagedAt);
        Assert.DoesNotContain(WatchAction.Failover, actions);
    }

    [Fact]
    public void Decide_FlappingPage_NamesTheCountsAndTheCommand()
    {
        var prior = new WatchRecord { Runs = 4, Recent = "HFHF" };

        var decision = WatchDecision.Decide(App("Notify"), Steady(prior), Reading(Down, AnswersStandby), T0);

        Assert.Equal(WatchAction.PageFlapping, decision.Action);
        Assert.Contains("is flapping: 3 of the last 5 runs failed, in 3 separate streaks", decision.Reason, StringComparison.Ordinal);
        Assert.Contains("never fails over on a flapping primary", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_WindowAllHealthyAfterAFlapPage_ClearsItSoTheNextEpisodePages()
    {
        var prior = new WatchRecord { Runs = 12, Recent = "HHHHHHHHHF", FlapPagedAt = T0 };

        var decision = WatchDecision.Decide(_failover, Steady(prior), Reading(Up, AnswersPrimary), T0.AddMinutes(10));

        Assert.Equal("HHHHHHHHHH", decision.Next.Recent);
        Assert.Null(decision.Next.FlapPagedAt);
    }

    [Fact]
    public void Decide_OneLongOutage_IsNotFlapping()
    {
        var prior = new WatchRecord { FailingSince = T0, Runs = 3, Recent = "FFF" };

        var decision = WatchDecision.Decide(App("Notify", failedFor: 600), Steady(prior), Reading(Down, AnswersStandby), T0.AddMinutes(3));

        Assert.Equal(WatchAction.Record, decision.Action);
        Assert.Contains("not yet the 600 s", decision.Reason, StringComparison.Ordinal);
    }

    private static WatchReading Reading(ProbeResult probe, DnsVerdict dns) => new([probe], dns, "us-west-2");

    private static AppState Steady(WatchRecord? watch) =>
        new() { App = "shop", ActiveRegion = "us-east-1", Phase = Phase.Steady, Watch = watch };

    private static AppOptions App(string policy, int failedFor = 120) => TestConfig.Shop(
    [
        new($"{At}:Watch:HealthEndpoints:0", "https://use1.shop.example.com/health"),
        new($"{At}:Watch:Policy", policy),
        new($"{At}:Watch:FailedForSeconds", failedFor.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ]);
}
