using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Aws.Http;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Watch;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Hosting;

/// <summary>
/// Builds the real AWS clients once per container: DynamoDB through the official SDK, Route 53, ECS and SNS through
/// our signed HTTP clients. Nothing is built or connects until the first call, so an invocation that needs no AWS call
/// makes none and the cold start does not pay for them.
/// </summary>
internal static class DefaultAwsDependencies
{
    /// <summary>The timeout of one DynamoDB HTTP attempt; the SDK retries within the invocation's deadline.</summary>
    private static readonly TimeSpan DynamoDbAttemptTimeout = TimeSpan.FromSeconds(5);

    public static AwsDependencies Create(OrchestratorOptions options, ILoggerFactory loggers, TimeProvider time,
        IEnvironmentVariables environment)
    {
        var deadline = new InvocationDeadline();
        var http = new DeferredAwsClients(() => new AwsClientFactory(
            new AwsClientSettings { Environment = environment, TimeProvider = time, LoggerFactory = loggers, Deadline = deadline }));
        var dynamo = new DynamoDbClientFactory(credentials: null, DynamoDbAttemptTimeout,
            getEnvironmentVariable: environment.GetEnvironmentVariable);
        var probes = HttpHealthProbe.CreateClient();
        TimeSpan? retention = options.AuditRetentionDays > 0 ? TimeSpan.FromDays(options.AuditRetentionDays) : null;
        return new AwsDependencies(
            http,
            http,
            http,
            new DynamoDbTableStatusClient(dynamo),
            new DynamoDbWriterControl(dynamo, time),
            new DynamoDbStateStore(dynamo, options.Region!, options.StateTable),
            new DynamoDbAuditLog(dynamo, options.Region!, options.AuditTable, retention))
        {
            Heartbeats = new DynamoDbHeartbeatStore(dynamo, time),
            Deadline = deadline,
            RoutingControls = http,
            Watches = new DynamoDbWatchStore(dynamo, options.Region!, options.StateTable),
            Readiness = new DynamoDbReadinessStore(dynamo, options.Region!, options.StateTable),
            Probe = new HttpHealthProbe(probes),
            Resources = [http, dynamo, probes],
        };
    }
}
