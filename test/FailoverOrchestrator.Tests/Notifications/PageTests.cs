using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Tests.Notifications;

/// <summary>A page announces an outcome or an event; pager rules match the headline of either.</summary>
public class PageTests
{
    private static readonly FailoverResult Details = new()
    {
        Outcome = Outcome.Status,
        App = "shop",
        ExecutionId = "shop-1",
        ActiveRegion = "us-east-1",
        TargetRegion = "us-west-2",
        Reason = "step DnsUpsert failed",
    };

    [Theory]
    [InlineData(nameof(PageEvent.Retrying), "RETRYING")]
    [InlineData(nameof(PageEvent.Failed), "FAILED")]
    [InlineData(nameof(PageEvent.Reset), "RESET")]
    public void Headline_Event_IsItsNameInCapitalsNotTheOutcome(string pageEvent, string headline)
    {
        var page = Page.Of(Enum.Parse<PageEvent>(pageEvent), Details);

        Assert.Equal(headline, page.Headline);
        Assert.Null(page.Outcome);
        Assert.Equal($"[failover] {headline} shop -> us-west-2", NotificationComposer.Subject(page));
        Assert.StartsWith($"Outcome: {headline}\n", NotificationComposer.Body(page, null), StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_Outcome_IsTheOutcomeName()
    {
        var page = Page.Of(Details with { Outcome = Outcome.Blocked });

        Assert.Equal("Blocked", page.Headline);
        Assert.Equal("[failover] Blocked shop -> us-west-2", NotificationComposer.Subject(page));
    }
}
