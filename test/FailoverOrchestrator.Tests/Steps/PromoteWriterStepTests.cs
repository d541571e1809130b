using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Steps;
using FailoverOrchestrator.Tests.TestSupport;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

public class PromoteWriterStepTests
{
    private readonly AwsMocks _aws = new();

    [Fact]
    public async Task ExecuteAsync_Failover_WritesTargetAndEpochInTheTargetRegion()
    {
        _aws.Writer.Setup(w =>
            w.PromoteAsync(
            "us-west-2", "shop-control", "writer", "us-west-2", 7, "shop-20260304T080105Z-abcdef",
            It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var outcome = await new PromoteWriterStep(_aws.Writer.Object).ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
        _aws.Writer.Verify(w =>
            w.PromoteAsync("us-west-2", "shop-control", "writer", "us-west-2", 7, It.IsAny<string>(), It.IsAny<CancellationToken>()),
            Times.Once);
    }

    [Fact]
    public async Task ExecuteAsync_Failback_PromotesThePrimary()
    {
        _aws.Writer.Setup(w =>
            w.PromoteAsync(
            "us-east-1", "shop-control", "writer", "us-east-1", 8, It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);

        var outcome = await new PromoteWriterStep(_aws.Writer.Object).ExecuteAsync(StepContexts.Failback(), CancellationToken.None);

        Assert.Equal(StepStatus.Succeeded, outcome.Status);
    }

    [Fact]
    public async Task ExecuteAsync_NewerEpochStored_FailsWithoutOverwriting()
    {
        _aws.Writer.Setup(w =>
            w.PromoteAsync(
            It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<long>(), It.IsAny<string>(),
            It.IsAny<CancellationToken>())).ReturnsAsync(false);
        _aws.Writer.Setup(w => w.ReadAsync("us-west-2", "shop-control", "writer", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new WriterState("us-east-1", 9, "other", null));

        var ex = await Assert.ThrowsAsync<StepFailedException>(() =>
            new PromoteWriterStep(_aws.Writer.Object).ExecuteAsync(StepContexts.Failover(), CancellationToken.None));

        Assert.Equal(StepNames.PromoteWriter, ex.Step);
        Assert.Contains("newer epoch (9, writer us-east-1) than this execution's 7", ex.Message, StringComparison.Ordinal);
    }
}
