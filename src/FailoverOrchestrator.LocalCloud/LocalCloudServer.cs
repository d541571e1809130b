using FailoverOrchestrator.LocalCloud.AppHealth;
using FailoverOrchestrator.LocalCloud.Calls;
using FailoverOrchestrator.LocalCloud.Ecs;
using FailoverOrchestrator.LocalCloud.Faults;
using FailoverOrchestrator.LocalCloud.Http;
using FailoverOrchestrator.LocalCloud.RecoveryCluster;
using FailoverOrchestrator.LocalCloud.Route53;
using FailoverOrchestrator.LocalCloud.Sns;

namespace FailoverOrchestrator.LocalCloud;

/// <summary>
/// An HTTP stand-in for Route 53, ECS and SNS on 127.0.0.1 that speaks their wire protocols, keeps state,
/// validates like AWS and injects faults on demand. Seed and inspect it through <see cref="Route53"/>,
/// <see cref="Ecs"/> and <see cref="Sns"/>; arm faults with <see cref="Faults"/>; read the calls in <see cref="Calls"/>.
/// Point a client at it with <c>AWS_ENDPOINT_URL=</c><see cref="Endpoint"/>: one address serves all three services.
/// </summary>
internal sealed class LocalCloudServer : IAsyncDisposable
{
    private readonly LoopbackHttpHost _host;

    public LocalCloudServer(LocalCloudOptions? options = null)
    {
        var settings = options ?? new LocalCloudOptions();
        Route53 =
            new Route53Store(settings.TimeProvider, settings.ChangePropagationDelay, settings.HealthCheckHealthyAfter, settings.SkipAhead);
        Ecs = new EcsStore(settings.TimeProvider, settings.EcsTasksPerSecond, settings.AccountId, settings.EcsTaskStartTime,
            settings.SkipAhead);
        Sns = new SnsStore(settings.TimeProvider, settings.AccountId);
        Faults = new FaultInjector(settings.FaultSeed);
        Calls = new CallLog();
        IServiceEndpoint[] endpoints = [new Route53Endpoint(Route53), new EcsEndpoint(Ecs), new SnsEndpoint(Sns)];
        var dispatcher = new RequestDispatcher(endpoints, Faults, Calls, settings.TimeProvider, Dark);
        _host = new LoopbackHttpHost(settings.Port, dispatcher.DispatchAsync);
        Cluster = new LocalCluster(new RoutingControlStore(settings.TimeProvider), Faults, Calls, settings.TimeProvider);
        Route53Api = new RegionalEndpointHost("us-east-1", string.Empty, dispatcher.DispatchAsync);
        AppHealth = new AppHealthEndpoints();
        LoadBalancers = new LoadBalancerDns();
        Dns = new DnsResponder(new DnsAnswerer(Route53, LoadBalancers, arn => Cluster.Controls.IsOn(arn)));
    }

    /// <summary>Gets the regions whose Route 53, ECS and SNS requests (by their signing region) are cut without an answer.</summary>
    public DarkRegions Dark { get; } = new();

    /// <summary>Gets Route 53's DNS data plane (what the watch's resolver asks), on a UDP and TCP port of its own.</summary>
    public DnsResponder Dns { get; }

    /// <summary>Gets the load balancers' DNS names and addresses, as alias records and the DNS responder resolve them.</summary>
    public LoadBalancerDns LoadBalancers { get; }

    /// <summary>Gets the app's health endpoint in each region (what the scheduled watch probes), each on a port of its own.</summary>
    public AppHealthEndpoints AppHealth { get; }

    /// <summary>
    /// Gets the Route 53 API on a port of its own (it is served from us-east-1 and signed for it), so that an outage of
    /// us-east-1 can refuse its connections while the rest of LocalCloud answers. <see cref="Endpoint"/> serves it too.
    /// </summary>
    public RegionalEndpointHost Route53Api { get; }

    public Route53Store Route53 { get; }

    public EcsStore Ecs { get; }

    public SnsStore Sns { get; }

    /// <summary>Gets the Route 53 ARC cluster: its routing controls and safety rules, and its five endpoints on ports of their
    /// own.</summary>
    public LocalCluster Cluster { get; }

    public FaultInjector Faults { get; }

    public CallLog Calls { get; }

    /// <summary>Gets the base address, for example <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri Endpoint => _host.Endpoint ?? throw new InvalidOperationException("LocalCloud is not started.");

    /// <summary>Creates a server and starts it.</summary>
    public static LocalCloudServer Start(LocalCloudOptions? options = null)
    {
        var server = new LocalCloudServer(options);
        server.Start();
        return server;
    }

    /// <summary>Starts listening on the configured port, or a free one.</summary>
    public void Start()
    {
        _host.Start();

        // Loopback listeners start at once; nothing here waits on the network.
        Cluster.StartAsync().GetAwaiter().GetResult();
        Route53Api.StartAsync().GetAwaiter().GetResult();
        AppHealth.StartAsync().GetAwaiter().GetResult();
        Dns.StartAsync().GetAwaiter().GetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await Dns.DisposeAsync();
        await AppHealth.DisposeAsync();
        await Route53Api.DisposeAsync();
        await Cluster.DisposeAsync();
        await _host.DisposeAsync();
    }
}
