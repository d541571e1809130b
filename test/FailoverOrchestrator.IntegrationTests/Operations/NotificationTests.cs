using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.IntegrationTests.Operations;

/// <summary>One message per terminal outcome; the other outcomes page no one.</summary>
public class NotificationTests
{
    [Fact]
    public async Task HandleAsync_FailedOver_OneMessageWithTimelineActiveRegionAndNextCommand()
    {
        await using var world = await WorldHarness.StartAsync();

        await world.InvokeAsync(world.Alarm());

        var message = Assert.Single(world.Cloud.Sns.GetMessages());
        OnCallMessages.AssertReadable(message, "us-west-2", withSteps: true);
        Assert.Contains("DnsUpsert", message.Message);
        Assert.Contains("\"command\":\"failback\"", message.Message);
        Assert.Equal("FailedOver", message.Attributes["outcome"].StringValue);
    }

    /// <summary>
    /// The same alarm delivered twice (CloudWatch and Lambda's async retries both do this): the second delivery answers
    /// AlreadyInTargetState and stays silent, because the execution that owns the switch has already notified.
    /// </summary>
    [Fact]
    public async Task HandleAsync_DuplicateDelivery_AlreadyInTargetStateAndNoSecondMessage()
    {
        await using var world = await WorldHarness.StartAsync();
        var alarm = world.Alarm();
        await world.InvokeAsync(alarm);

        var (duplicate, error) = await world.InvokeAsync(alarm);

        Assert.Null(error);
        Assert.Equal(Outcome.AlreadyInTargetState, duplicate!.Outcome);
        Assert.StartsWith("a duplicate delivery", duplicate.Reason, StringComparison.Ordinal);
        Assert.Single(world.Cloud.Sns.GetMessages());
    }

    /// <summary>Two concurrent deliveries: the loser answers InProgressElsewhere (or AlreadyInTargetState if it reads late) and stays
    /// silent.</summary>
    [Fact]
    public async Task HandleAsync_ConcurrentDuplicateDelivery_OneSwitchAndOneMessage()
    {
        await using var world = await WorldHarness.StartAsync();
        var alarm = world.Alarm();

        var results = await Task.WhenAll(world.InvokeAsync(alarm), world.InvokeAsync(alarm));

        Assert.All(results, r => Assert.Null(r.Error));
        var outcomes = results.Select(r => r.Result!.Outcome).Order().ToList();
        Assert.Single(outcomes, Outcome.FailedOver);
        Assert.Contains(outcomes.Single(o => o != Outcome.FailedOver), new[] { Outcome.InProgressElsewhere, Outcome.AlreadyInTargetState });
        Assert.Single(world.Cloud.Sns.GetMessages());
    }

    [Fact]
    public async Task HandleAsync_IgnoredStatusAndPlanned_NoMessage()
    {
        await using var world = await WorldHarness.StartAsync();

        var outcomes = new List<Outcome>();
        foreach (var payload in new[]
        {
            world.Alarm(state: "OK", previous: "ALARM"),
            world.Alarm(state: "INSUFFICIENT_DATA"),
            world.Alarm().Replace("shop-primary-unhealthy", "someone-elses-alarm", StringComparison.Ordinal),
            WorldHarness.Command("status"),
            WorldHarness.Command("plan"),
            WorldHarness.Command("failback", "\"dryRun\":true"),
        })
        {
            outcomes.Add((await world.InvokeAsync(payload)).Result!.Outcome);
        }

        Assert.Equal([Outcome.Ignored, Outcome.Ignored, Outcome.Ignored, Outcome.Status, Outcome.Planned, Outcome.Planned], outcomes);
        Assert.Empty(world.Cloud.Sns.GetMessages());
    }
}
