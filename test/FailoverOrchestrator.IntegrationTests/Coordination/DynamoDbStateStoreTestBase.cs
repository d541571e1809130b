using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.Coordination;

/// <summary>
/// The DynamoDB state store against dynalite: each test gets a table of its own in the collection's one dynalite, with
/// the app's item created in the primary (Steady, epoch 0) a day before <see cref="T0"/>. The store's transitions are
/// specified in one class each: acquiring, taking over an expired lease, fencing a stale holder, failing and resetting.
/// </summary>
public abstract class DynamoDbStateStoreTestBase(DynaliteFixture fixture) : IAsyncLifetime
{
    private protected const string App = "shop";
    private protected const string Primary = "us-east-1";
    private protected const string Standby = "us-west-2";
    private protected static readonly DateTimeOffset T0 = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private protected static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private protected static readonly TimeSpan Cooldown = TimeSpan.FromMinutes(5);

    private protected DynamoDbStateStore _sut = null!;

    public async Task InitializeAsync()
    {
        _sut = new DynamoDbStateStore(fixture.Clients, DynaliteFixture.Region, await fixture.CreateStateTableAsync());
        await _sut.EnsureAsync(App, Primary, T0.AddDays(-1), CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private protected static AcquireRequest FailOver(string triggerKey, string executionId, DateTimeOffset now) => new()
    {
        App = App,
        ExecutionId = executionId,
        SourceRegion = Primary,
        TargetRegion = Standby,
        Phase = Phase.FailingOver,
        TriggerKey = triggerKey,
        Now = now,
        Lease = Lease,
        Cooldown = Cooldown,
    };

    private protected static AcquireRequest FailBack(string triggerKey, string executionId, DateTimeOffset now) =>
        FailOver(triggerKey, executionId, now) with { SourceRegion = Standby, TargetRegion = Primary, Phase = Phase.FailingBack };
}
