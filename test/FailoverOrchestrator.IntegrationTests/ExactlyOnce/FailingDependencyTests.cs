using System.Net;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Coordination.Failures;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>DynamoDB failing mid-run, a DNS change that does not propagate, and what the on-call hears of either.</summary>
public sealed class FailingDependencyTests
{
    /// <summary>
    /// The shape of DynamoDB's InvalidSignatureException message: the canonical request it expected, with the signed
    /// headers' values (the session token among them), then the string-to-sign. The wording is AWS's (the SigV4
    /// troubleshooting page, "signature does not match", and botocore's error samples); the token is a made-up
    /// value of the shape STS issues.
    /// </summary>
    internal const string SessionToken =
        "IQoJb3JpZ2luX2VjEHoaCXVzLWVhc3QtMSJHMEUCIQDfakefakefakefakefakefakefakefakeAiBfakefakefakefakefakefakefakefakefakefakeKvQIIk";

    internal static readonly string InvalidSignatureMessage =
        "The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing "
            + "method. Consult the service documentation for details.\n\n" +
        "The Canonical String for this request should have "
            + "been\n'POST\n/\n\ncontent-type:application/x-amz-json-1.0\nhost:dynamodb.us-east-1.amazonaws.com\n" +
        $"x-amz-date:20261201T103000Z\nx-amz-security-token:{SessionToken}\nx-amz-target:DynamoDB_20120810.UpdateItem\n\n" +
        "content-type;host;x-amz-date;x-amz-security-token;"
            + "x-amz-target\n9f2c4a1e0b7d6c5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a'\n\n" +
        "The String-to-Sign should have "
            + "been\n'AWS4-HMAC-SHA256\n20261201T103000Z\n20261201/us-east-1/dynamodb/aws4_request\n1a2b3c4d5e6f'\n";

    /// <summary>The state table takes no write from the DNS checkpoint on, not even the failure record: the on-call must still be
    /// paged.</summary>
    [Fact]
    public async Task HandleAsync_StateTableFailsMidRunAndOnRecordingIt_OnCallIsStillPaged()
    {
        await using var world = await WorldHarness.StartAsync();
        var failing = InstrumentedDependencies.Wrap(world, new DynamoDbCallCounter(), s => new InterceptingStateStore(s)
        {
            BeforeCheckpoint = step => step == StepNames.DnsUpsert ? throw Unavailable() : Task.CompletedTask,
            BeforeRecordFailure = () => throw Unavailable(),
        });

        var (result, error) = await world.InvokeAsync(world.Alarm(), failing);

        Assert.Null(result);
        var failed = Assert.IsType<ExecutionFailedException>(error);
        Assert.Contains("could not be recorded", failed.Message, StringComparison.Ordinal);
        var page = Assert.Single(world.Cloud.Sns.GetMessages());
        Assert.Equal("RETRYING", page.Attributes["outcome"].StringValue);
        Assert.Contains("Service unavailable", page.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A DynamoDB error echoing the session token (InvalidSignatureException) must reach neither the state item's
    /// lastError, the audit items, the page nor the invocation's error.
    /// </summary>
    [Fact]
    public async Task HandleAsync_DynamoDbErrorEchoesSessionToken_TokenReachesNoSink()
    {
        await using var world = await WorldHarness.StartAsync();
        var probe = new WorldProbe(world);
        var failing = InstrumentedDependencies.Wrap(world, new DynamoDbCallCounter(), s => new InterceptingStateStore(s)
        {
            BeforeCheckpoint = step => step == StepNames.EcsScaleUp
                ? throw FromSdk(
                    new AmazonDynamoDBException(
                    InvalidSignatureMessage, ErrorType.Sender, "InvalidSignatureException", "REQ1", HttpStatusCode.BadRequest))
                : Task.CompletedTask,
        });

        var (_, error) = await world.InvokeAsync(world.Alarm(), failing);

        Assert.IsType<ExecutionFailedException>(error);
        Assert.Null(error!.InnerException);
        var state = await probe.StateAsync();
        var audit = string.Join("\n", (await probe.AuditAsync()).Select(e => e.Detail));
        var page = Assert.Single(world.Cloud.Sns.GetMessages());
        foreach (var sink in new[] { state!.LastError!, audit, page.Message, error!.Message })
        {
            Assert.DoesNotContain(SessionToken, sink, StringComparison.Ordinal);
            Assert.DoesNotContain("x-amz-security-token:", sink, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("[signing details removed]", state.LastError, StringComparison.Ordinal);
    }

    /// <summary>
    /// The same echo when the lease cannot even be taken: the exception that leaves the handler (what Lambda reports,
    /// logs and keeps in the on-failure destination) carries neither the token nor, anywhere in its chain, the raw error.
    /// </summary>
    [Fact]
    public async Task HandleAsync_AcquireFailsWithTokenEcho_ThrownErrorIsRedactedThroughout()
    {
        await using var world = await WorldHarness.StartAsync();
        var failing = InstrumentedDependencies.Wrap(world, new DynamoDbCallCounter(), s => new InterceptingStateStore(s)
        {
            BeforeAcquire = () =>
                throw FromSdk(
                new AmazonDynamoDBException(
                InvalidSignatureMessage, ErrorType.Sender, "InvalidSignatureException", "REQ3", HttpStatusCode.BadRequest)),
        });

        var (result, error) = await world.InvokeAsync(world.Alarm(), failing);

        Assert.Null(result);
        Assert.NotNull(error);
        for (var e = error; e is not null; e = e.InnerException)
        {
            Assert.DoesNotContain(SessionToken, e.Message, StringComparison.Ordinal);
            Assert.IsNotType<AmazonDynamoDBException>(e);
        }

        Assert.Contains("[signing details removed]", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The change never reaches INSYNC: the first attempt times out waiting; the retry finds the record already
    /// changed and must wait for that change again, not page "FAILED OVER" while Route 53 still serves the old answer.
    /// </summary>
    [Fact]
    public async Task HandleAsync_DnsChangeNeverInSync_RetryWaitsForTheChangeAndDoesNotReportFailedOver()
    {
        await using var world = await WorldHarness.StartAsync(
            [new("Orchestrator:Apps:shop:DnsWaitSeconds", "2")],
            new LocalCloudOptions { ChangePropagationDelay = TimeSpan.FromHours(1), EcsTasksPerSecond = double.PositiveInfinity,
                AccountId = "111122223333" });
        var probe = new WorldProbe(world);
        var alarm = world.Alarm();

        var (_, first) = await world.InvokeAsync(alarm);
        var (retry, second) = await world.InvokeAsync(alarm);

        Assert.IsType<ExecutionFailedException>(first);
        Assert.Null(retry);
        var failed = Assert.IsType<ExecutionFailedException>(second);
        Assert.Equal(StepNames.DnsUpsert, failed.Step);
        Assert.Equal(1, world.Cloud.Calls.Count(LocalService.Route53, "ChangeResourceRecordSets"));
        Assert.DoesNotContain(world.Cloud.Sns.GetMessages(), m => m.Subject!.Contains("FAILED OVER", StringComparison.Ordinal));
        Assert.Equal(Phase.FailingOver, (await probe.StateAsync())!.Phase);
    }

    /// <summary>
    /// Route 53 accepted the change and the write of its id failed (the state table failed right then; a crash at that
    /// instant leaves the same item): the retry cannot wait for that change, and must say so rather than report a
    /// confirmed switch.
    /// </summary>
    [Fact]
    public async Task HandleAsync_ChangeIdNotRecorded_RetrySaysPropagationUnconfirmed()
    {
        await using var world = await WorldHarness.StartAsync();
        var alarm = world.Alarm();
        var failing = InstrumentedDependencies.Wrap(world, new DynamoDbCallCounter(), s => new InterceptingStateStore(s)
        {
            BeforeRecordExecutionValue = (attribute, value) => attribute == ExecutionValue.DnsChangeId
                && value != Steps.DnsUpsertStep.SubmittedWithoutId
                ? throw Unavailable()
                : Task.CompletedTask,
        });

        var (_, first) = await world.InvokeAsync(alarm, failing);
        var (retry, error) = await world.InvokeAsync(alarm);

        Assert.IsType<ExecutionFailedException>(first);
        Assert.Null(error);
        Assert.Equal(Outcome.FailedOver, retry!.Outcome);
        var dns = retry.Steps.Single(s => s.Name == StepNames.DnsUpsert);
        Assert.Equal(StepStatus.Warned, dns.Status);
        Assert.Contains("could not be confirmed", dns.Detail, StringComparison.Ordinal);
        Assert.Equal(1, world.Cloud.Calls.Count(LocalService.Route53, "ChangeResourceRecordSets"));
        var page = world.Cloud.Sns.GetMessages().Single(m => m.Attributes["outcome"].StringValue == "FailedOver");
        Assert.Contains("could not be confirmed", page.Message, StringComparison.Ordinal);
    }

    private static AwsServiceException Unavailable() =>
        FromSdk(
            new AmazonDynamoDBException(
            "Service unavailable", ErrorType.Receiver, "ServiceUnavailable", "REQ2", HttpStatusCode.ServiceUnavailable));

    /// <summary>What the state store's adapter throws when the SDK fails: the SDK's error, translated at the boundary.</summary>
    private static AwsServiceException FromSdk(AmazonServiceException error) => DynamoDbCalls.Translate("UpdateItem", error);
}
