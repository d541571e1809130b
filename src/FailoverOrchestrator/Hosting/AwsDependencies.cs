using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Aws.Http;
using FailoverOrchestrator.Aws.RecoveryCluster;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Aws.Sns;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Watch;
using FailoverOrchestrator.Watch.Dns;

namespace FailoverOrchestrator.Hosting;

/// <summary>Everything that talks to AWS, behind the interfaces the steps and the coordinator use.</summary>
internal sealed record AwsDependencies(
    IRoute53Client Route53,
    IEcsClient Ecs,
    ISnsClient Sns,
    ITableStatusClient Tables,
    IWriterControl Writer,
    IStateStore State,
    IAuditLog Audit)
{
    /// <summary>The replication heartbeat in the app's global tables; null leaves the RPO unmeasured (and ungated).</summary>
    public IHeartbeatStore? Heartbeats { get; init; }

    /// <summary>The end of the current invocation, which bounds the retries of the HTTP clients; set by the function on each
    /// invocation.</summary>
    public InvocationDeadline Deadline { get; init; } = new();

    /// <summary>The Route 53 ARC cluster client, for apps whose traffic switch is a routing control.</summary>
    public required IRoutingControlClient RoutingControls { get; init; }

    /// <summary>The watch's part of the state item.</summary>
    public required IWatchStore Watches { get; init; }

    /// <summary>The standby-readiness part of the state item.</summary>
    public required IReadinessStore Readiness { get; init; }

    /// <summary>The HTTP(S) probe the watch sends to the primary's health endpoints.</summary>
    public required IHealthProbe Probe { get; init; }

    /// <summary>The stub resolver the watch asks for Route 53's answer of the app's health record (plain DNS, no AWS API).</summary>
    public IDnsResolver Dns { get; init; } = new UdpDnsResolver();

    /// <summary>What the function disposes with itself: HTTP connections and SDK clients.</summary>
    public IReadOnlyList<IDisposable> Resources { get; init; } = [];
}
