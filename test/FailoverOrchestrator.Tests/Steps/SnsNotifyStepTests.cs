using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Steps;
using FailoverOrchestrator.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

public class SnsNotifyStepTests
{
    private readonly AwsMocks _aws = new();

    [Fact]
    public async Task ExecuteAsync_Failover_PublishesShortSubjectAndTimeline()
    {
        var published = _aws.RecordNotifications();
        var context = StepContexts.Failover();
        context.Timeline.Add(
            new StepResult { Name = "Preflight", Status = StepStatus.Succeeded, DurationMs = 120, Detail = "us-west-2 is ready" });

        var outcome = await CreateSut().ExecuteAsync(context, CancellationToken.None);

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
        var (subject, message) = Assert.Single(published);
        Assert.Equal("[failover] FAILED OVER shop to us-west-2", subject);
        Assert.Contains("Active region now: us-west-2", message, StringComparison.Ordinal);
        Assert.Contains("Preflight", message, StringComparison.Ordinal);
        Assert.Contains("\"command\":\"failback\"", message, StringComparison.Ordinal);
        _aws.Sns.Verify(s =>
            s.PublishAsync(
            "arn:aws:sns:us-west-2:111122223333:shop-failover", It.IsAny<string>(), It.IsAny<string>(),
            It.Is<IReadOnlyDictionary<string, string>>(a => a["outcome"] == "FailedOver"), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task ExecuteAsync_RpoMeasured_PageSaysTheDataAtRiskInOneSentence()
    {
        var published = _aws.RecordNotifications();
        var context = StepContexts.Failover();
        context.Rpo = new RpoEstimate
        {
            BoundSeconds = 7,
            MeasuredAt = new DateTimeOffset(2026, 3, 4, 12, 3, 48, TimeSpan.Zero),
            Source = RpoEstimate.Heartbeat,
            SourceRegion = "us-east-1",
            TargetRegion = "us-west-2",
            ReplicatedUntil = new DateTimeOffset(2026, 3, 4, 12, 3, 41, TimeSpan.Zero),
        };

        await CreateSut().ExecuteAsync(context, CancellationToken.None);

        var (_, message) = Assert.Single(published);
        Assert.Contains("Data at risk: Writes made in us-east-1 after 12:03:41Z, up to 7 s, may be missing in us-west-2 (heartbeat).\n",
            message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteAsync_SnsDown_WarnsInsteadOfFailingAMovedSwitch()
    {
        _aws.Sns.Setup(s =>
            s.PublishAsync(
            It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<IReadOnlyDictionary<string, string>>(),
            It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                new AwsServiceException(
                "SNS", "Publish", System.Net.HttpStatusCode.ServiceUnavailable, "ServiceUnavailable", "down", "r1"));
        var context = StepContexts.Failover();

        var outcome = await CreateSut().ExecuteAsync(context, CancellationToken.None);

        Assert.Equal(StepStatus.Warned, outcome.Status);
        Assert.Single(context.Warnings);
    }

    [Fact]
    public void Subject_LongAppNameAndNonAscii_AtMostHundredPrintableAscii()
    {
        var result = new FailoverResult { Outcome = Outcome.Blocked, App = new string('a', 150) + "é", TargetRegion = "us-west-2" };

        var subject = NotificationComposer.Subject(result);

        Assert.True(subject.Length <= NotificationComposer.MaxSubjectLength);
        Assert.All(subject, c => Assert.InRange(c, ' ', '~'));
    }

    private SnsNotifyStep CreateSut() => new(new OnCallNotifier(_aws.Sns.Object, NullLogger<OnCallNotifier>.Instance));
}
