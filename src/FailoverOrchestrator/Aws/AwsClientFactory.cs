using Amazon;
using Amazon.Runtime.Signing;
using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Aws.Http;
using FailoverOrchestrator.Aws.RecoveryCluster;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Aws.Sns;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Aws;

/// <summary>
/// Builds the Route 53, ECS, SNS and Route 53 ARC cluster clients over one signing <see cref="HttpClient"/>:
/// <c>new AwsClientFactory(new AwsClientSettings { ... })</c> in the composition root and in tests.
/// </summary>
internal sealed class AwsClientFactory : IDisposable
{
    private readonly HttpClient _httpClient;

    public AwsClientFactory(AwsClientSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var credentials = settings.Credentials ?? new DefaultAwsCredentialSource();
        // Region and service here are defaults only: every request names its own through the handler's option keys.
        var signing = new AWSSigV4Parameters
        {
            Credentials = new SourcedAwsCredentials(credentials),
            Region = RegionEndpoint.USEast1,
            Service = AwsServiceEndpoint.Route53.SigningName,
            SignedAt = settings.FixedSigningTime,
        };
        var transport = settings.Handler ?? new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };

        // The per-attempt timeout of the retry pipeline bounds each call; HttpClient's own would only race it.
        _httpClient = new HttpClient(new SigV4SigningHandler(signing, transport)) { Timeout = Timeout.InfiniteTimeSpan };
        var retry = new AwsRetryPipeline(settings.Retry, settings.TimeProvider, settings.Deadline, settings.Jitter);
        var sender = new AwsHttpSender(_httpClient, new AwsEndpointResolver(settings.Environment), retry, settings.TimeProvider);
        Deadline = settings.Deadline;
        Route53 = new Route53Client(sender, settings.LoggerFactory.CreateLogger<Route53Client>());
        Ecs = new EcsClient(sender, settings.LoggerFactory.CreateLogger<EcsClient>());
        Sns = new SnsClient(sender, settings.LoggerFactory.CreateLogger<SnsClient>());
        RoutingControls =
            new RoutingControlClient(sender, settings.TimeProvider, settings.LoggerFactory.CreateLogger<RoutingControlClient>());
    }

    public IRoute53Client Route53 { get; }

    public IEcsClient Ecs { get; }

    public ISnsClient Sns { get; }

    /// <summary>The Route 53 ARC cluster client (routing control states), over the same signing client.</summary>
    public IRoutingControlClient RoutingControls { get; }

    /// <summary>Set it at the start of an invocation to bound every retry budget by the time left.</summary>
    public InvocationDeadline Deadline { get; }

    public void Dispose() => _httpClient.Dispose();
}
