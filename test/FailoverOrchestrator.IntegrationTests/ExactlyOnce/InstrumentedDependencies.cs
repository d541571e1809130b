using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Hosting;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.LocalCloud.World;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>
/// The real AWS dependencies of one container, rebuilt on DynamoDB clients that count their calls, with the state
/// store behind an <see cref="InterceptingStateStore"/>. Route 53, ECS and SNS stay the real HTTP clients.
/// </summary>
internal static class InstrumentedDependencies
{
    private static readonly TimeSpan DynamoDbAttemptTimeout = TimeSpan.FromSeconds(5);

    public static Func<AwsDependencies, AwsDependencies> Wrap(
        WorldHarness world, DynamoDbCallCounter counter, Func<IStateStore, InterceptingStateStore>? intercept = null,
            Action<InterceptingStateStore>? built = null) =>
        real =>
        {
            var clients = new CountingClientFactory(
                new DynamoDbClientFactory(credentials: null, DynamoDbAttemptTimeout,
                    getEnvironmentVariable: new WorldEnvironment(world.World.Environment).GetEnvironmentVariable),
                counter);
            var home = world.Options.Region!;
            var store =
                (intercept ?? (s => new InterceptingStateStore(s)))(new DynamoDbStateStore(clients, home, world.Options.StateTable));
            built?.Invoke(store);
            return real with
            {
                Tables = new DynamoDbTableStatusClient(clients),
                Writer = new DynamoDbWriterControl(clients, world.Clock),
                State = store,
                Audit = new DynamoDbAuditLog(clients, home, world.Options.AuditTable, TimeSpan.FromDays(world.Options.AuditRetentionDays)),
            };
        };

    private sealed class CountingClientFactory(DynamoDbClientFactory inner, DynamoDbCallCounter counter) : IDynamoDbClientFactory
    {
        private readonly Dictionary<string, Amazon.DynamoDBv2.IAmazonDynamoDB> _clients = new(StringComparer.Ordinal);

        public Amazon.DynamoDBv2.IAmazonDynamoDB GetClient(string region)
        {
            lock (_clients)
            {
                if (!_clients.TryGetValue(region, out var client))
                {
                    client = CountingDynamoDbProxy.Create(inner.GetClient(region), counter);
                    _clients[region] = client;
                }

                return client;
            }
        }
    }
}
