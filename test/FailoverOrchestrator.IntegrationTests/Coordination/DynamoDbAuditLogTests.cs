using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.Coordination;

[Collection(DynaliteCollection.Name)]
public sealed class DynamoDbAuditLogTests(DynaliteFixture fixture)
{
    private const string App = "shop";
    private static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, 123, TimeSpan.Zero);

    [Fact]
    public async Task AppendAsync_SameEventTwice_WritesOneItem()
    {
        var table = await fixture.CreateAuditTableAsync();
        var sut = new DynamoDbAuditLog(fixture.Clients, DynaliteFixture.Region, table, retention: null);
        var auditEvent = Event(T0, 1, "LeaseAcquired");

        await sut.AppendAsync(auditEvent, CancellationToken.None);
        await sut.AppendAsync(auditEvent with { Detail = "a retry" }, CancellationToken.None);

        var items = await ItemsAsync(table);
        var item = Assert.Single(items);
        Assert.Equal("2026-11-26T12:00:00.123Z#exec-1#000003-0001", item["sk"].S);
        Assert.False(item.ContainsKey("detail"));
    }

    [Fact]
    public async Task ReadAsync_MoreEventsThanLimit_ReturnsMostRecentOldestFirst()
    {
        var sut = new DynamoDbAuditLog(fixture.Clients, DynaliteFixture.Region, await fixture.CreateAuditTableAsync(), retention: null);
        var kinds = new[] { "TriggerReceived", "LeaseAcquired", "StepStarted", "StepSucceeded", "Completed" };
        for (var i = kinds.Length - 1; i >= 0; i--)
        {
            await sut.AppendAsync(
                Event(T0.AddMilliseconds(i * 10), i + 1, kinds[i]) with { Step = i == 2 ? "Preflight" : null, DurationMs = i },
                CancellationToken.None);
        }

        var all = await sut.ReadAsync(App, 10, CancellationToken.None);
        var recent = await sut.ReadAsync(App, 3, CancellationToken.None);

        Assert.Equal(kinds, all.Select(e => e.Kind));
        Assert.Equal(kinds[2..], recent.Select(e => e.Kind));
        Assert.Equivalent(Event(T0.AddMilliseconds(20), 3, "StepStarted") with { Step = "Preflight", DurationMs = 2 }, all[2],
            strict: true);
    }

    [Fact]
    public async Task AppendAsync_RetentionSet_WritesExpiresAtInSeconds()
    {
        var table = await fixture.CreateAuditTableAsync();
        var sut = new DynamoDbAuditLog(fixture.Clients, DynaliteFixture.Region, table, TimeSpan.FromDays(30));

        await sut.AppendAsync(Event(T0, 1, "Completed"), CancellationToken.None);

        var item = Assert.Single(await ItemsAsync(table));
        Assert.Equal(T0.AddDays(30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), item["expiresAt"].N);
    }

    [Fact]
    public async Task AppendAsync_NoRetention_WritesNoExpiresAt()
    {
        var table = await fixture.CreateAuditTableAsync();
        var sut = new DynamoDbAuditLog(fixture.Clients, DynaliteFixture.Region, table, retention: null);

        await sut.AppendAsync(Event(T0, 1, "Completed"), CancellationToken.None);

        Assert.False(Assert.Single(await ItemsAsync(table)).ContainsKey("expiresAt"));
    }

    private static AuditEvent Event(DateTimeOffset at, int sequence, string kind) => new()
    {
        App = App,
        ExecutionId = "exec-1",
        Sequence = sequence,
        Epoch = 3,
        Timestamp = at,
        Kind = kind,
    };

    private async Task<List<Dictionary<string, AttributeValue>>> ItemsAsync(string table)
    {
        var response = await fixture.Client.ScanAsync(new ScanRequest { TableName = table, ConsistentRead = true });
        return response.Items ?? [];
    }
}
