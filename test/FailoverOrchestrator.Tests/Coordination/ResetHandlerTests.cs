using System.Net;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Tests.TestSupport;
using FailoverOrchestrator.Triggers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FailoverOrchestrator.Tests.Coordination;

/// <summary>
/// <c>reset</c> as a decision table: each row is the state item before, whether the store's conditional reset took,
/// and what the writer-control item in the reset region says; the answer is a refusal that changes nothing, or a
/// Status result whose reason carries the warning the row calls for, audited and paged.
/// </summary>
public class ResetHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    private static readonly AppState Failed = new()
    {
        App = "shop", ActiveRegion = "us-east-1", Phase = Phase.Failed, TargetRegion = "us-west-2", Epoch = 6, ExecutionId = "exec-9",
        LastError = "DnsUpsert: Throttling",
    };

    private static readonly FailoverTrigger Reset = new()
    {
        Source = TriggerSource.Operator,
        Command = TriggerCommand.Reset,
        IdempotencyKey = "operator#reset#1",
        App = "shop",
        Confirm = "shop",
        Region = "us-east-1", Reason = "DNS checked by hand",
    };

    private static readonly AwsServiceException Throttled = new("DynamoDB", "GetItem", HttpStatusCode.BadRequest, "ThrottlingException",
        "slow down", "req-1");

    /// <summary>
    /// Row: state before, whether the conditional reset took, the writer item (or the read's failure), the outcome, the reason.
    /// </summary>
    private static readonly Dictionary<string, (AppState? Before, bool Took, object? Writer, Outcome Outcome, string Reason)> Table = new()
    {
        ["failed, writer agrees"] = (Failed, true, new WriterState("us-east-1", 6, "exec-9", Now), Outcome.Status,
            "reset by operator from Failed (execution exec-9, DnsUpsert: Throttling) to Steady in us-east-1: DNS checked by hand"),
        ["failed, no writer item"] = (Failed, true, null, Outcome.Status, "to Steady in us-east-1: DNS checked by hand"),
        ["failed, writer names the other region"] = (Failed, true, new WriterState("us-west-2", 7, "exec-9", Now), Outcome.Status,
            ". WARNING: the writer-control item shop-control/writer still names us-west-2 (epoch 7), "
                + "so the application in us-east-1 refuses writes"),
        ["failed, writer unreadable"] = (Failed, true, Throttled, Outcome.Status,
            ". WARNING: the writer-control item shop-control/writer could not be read in us-east-1 (ThrottlingException); "
                + "check that it names us-east-1"),
        ["abandoned execution, no error"] = (Failed with { Phase = Phase.FailingOver, LastError = null }, true, null, Outcome.Status,
            "reset by operator from FailingOver (execution exec-9, no error)"),
        ["refused: steady"] = (Failed with { Phase = Phase.Steady }, false, null, Outcome.Rejected,
            "app 'shop' is Steady in us-east-1; reset only applies to a Failed app or an execution whose lease has expired. "
                + "Nothing was changed"),
        ["refused: live lease"] = (Failed with { Phase = Phase.FailingBack, ActiveRegion = "us-west-2" }, false, null, Outcome.Rejected,
            "app 'shop' is FailingBack in us-west-2 and execution exec-9 holds a live lease; reset only applies"),
        ["refused: no state item"] = (null, false, null, Outcome.Rejected, "app 'shop' is Steady in us-east-1; reset only applies"),
    };

    public static TheoryData<string> Cases => new(Table.Keys);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ResetAsync_DecisionTable_AnswersAsTheRowSays(string row)
    {
        var (before, took, writer, outcome, reason) = Table[row];
        var aws = new AwsMocks();
        var app = TestConfig.Shop();
        aws.State.Setup(s => s.GetAsync("shop", It.IsAny<CancellationToken>())).ReturnsAsync(before);
        aws.State.Setup(s => s.ResetAsync("shop", "us-east-1", Now, It.IsAny<CancellationToken>())).ReturnsAsync(took);
        var read = aws.Writer.Setup(w => w.ReadAsync("us-east-1", app.WriterControl.TableName, app.WriterControl.Key,
            It.IsAny<CancellationToken>()));
        if (writer is Exception failure)
        {
            read.ThrowsAsync(failure);
        }
        else
        {
            read.ReturnsAsync((WriterState?)writer);
        }

        aws.Audit.Setup(a => a.ReadAsync("shop", It.IsAny<int>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        var audit = aws.RecordAudit();
        var pages = aws.RecordNotifications();

        var result = await CreateSut(aws).ResetAsync(Reset, app, CancellationToken.None);

        Assert.Equal(outcome, result.Outcome);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
        var changed = outcome != Outcome.Rejected;
        Assert.Equal(changed ? ["Reset"] : Array.Empty<string>(), audit.Select(e => e.Kind));
        Assert.Equal(changed ? 1 : 0, pages.Count);
        if (changed)
        {
            Assert.Equal(result.Reason, audit[0].Detail);
            Assert.Contains("RESET", pages[0].Subject, StringComparison.Ordinal);
        }
    }

    private static ResetHandler CreateSut(AwsMocks aws)
    {
        var time = new FakeTimeProvider(Now);
        return new ResetHandler(
            aws.State.Object, aws.Audit.Object, aws.Writer.Object, new StatusReporter(aws.State.Object, aws.Audit.Object),
            new OnCallNotifier(aws.Sns.Object, NullLogger<OnCallNotifier>.Instance), time, NullLogger<ResetHandler>.Instance);
    }
}
