using Amazon.DynamoDBv2;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Tests.TestSupport;
using Moq;

namespace FailoverOrchestrator.Tests.Steps;

/// <summary>Preflight's reads of the data in the target region: each global table's replica and the writer-control table.</summary>
public class PreflightTableTests : PreflightTestBase
{
    [Fact]
    public async Task ExecuteAsync_WriterTableUnreachable_Blocks()
    {
        Ready();
        Aws.Writer.Setup(w => w.ReadAsync("us-west-2", "shop-control", "writer", It.IsAny<CancellationToken>()))
            .ThrowsAsync(
                DynamoDbCalls.Translate(
                "GetItem", new AmazonDynamoDBException("Requested resource not found") { ErrorCode = "ResourceNotFoundException" }));

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Blocked, outcome.Status);
        Assert.Contains("writer-control table shop-control could not be read in us-west-2: ResourceNotFoundException", outcome.Detail,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UPDATING", "DynamoDB replica shop-orders in us-west-2 is UPDATING, not ACTIVE")]
    [InlineData(null, "DynamoDB table shop-orders has no replica in us-west-2")]
    public async Task ExecuteAsync_ReplicaNotActive_Blocks(string? status, string expected)
    {
        Ready();
        Aws.Tables.Setup(t => t.GetTableStatusAsync("us-west-2", "shop-orders", It.IsAny<CancellationToken>())).ReturnsAsync(status);

        var outcome = await CreateSut().ExecuteAsync(StepContexts.Failover(), CancellationToken.None);

        Assert.Equal(StepStatus.Blocked, outcome.Status);
        Assert.Contains(expected, outcome.Detail, StringComparison.Ordinal);
    }
}
