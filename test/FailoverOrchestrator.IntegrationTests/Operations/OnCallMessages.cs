using FailoverOrchestrator.LocalCloud.Sns;

namespace FailoverOrchestrator.IntegrationTests.Operations;

/// <summary>What every on-call message must carry, whatever the outcome.</summary>
internal static class OnCallMessages
{
    /// <summary>Subject within SNS's limit (100 printable ASCII characters); the body names what happened, the active region and the next
    /// command.</summary>
    public static void AssertReadable(PublishedMessage message, string activeRegion, bool withSteps)
    {
        Assert.NotNull(message.Subject);
        Assert.InRange(message.Subject.Length, 1, 100);
        Assert.All(message.Subject, c => Assert.InRange(c, ' ', '~'));
        Assert.Contains("\nWhat happened: ", message.Message);
        Assert.Contains($"\nActive region now: {activeRegion}\n", message.Message);
        Assert.Contains("\nNext: ", message.Message);
        Assert.Equal(withSteps, message.Message.Contains("\nSteps:\n", StringComparison.Ordinal));
    }
}
