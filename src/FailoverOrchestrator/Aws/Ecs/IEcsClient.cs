namespace FailoverOrchestrator.Aws.Ecs;

/// <summary>The ECS operations the scale-up and preflight steps use (JSON 1.1), in a region the caller names.</summary>
internal interface IEcsClient
{
    /// <summary>Sets a service's desired count.</summary>
    Task<EcsService> UpdateServiceAsync(string region, string cluster, string service, int desiredCount,
        CancellationToken cancellationToken);

    /// <summary>Describes services of one cluster; services that do not exist come back as failures.</summary>
    Task<DescribeServicesResult> DescribeServicesAsync(string region, string cluster, IReadOnlyList<string> services,
        CancellationToken cancellationToken);
}

/// <summary>The fields of an ECS service we act on; <paramref name="TaskDefinition"/> is what a scale-up would start.</summary>
internal sealed record EcsService(string ServiceName, string ServiceArn, string Status, int DesiredCount, int RunningCount,
    int PendingCount, string? TaskDefinition = null);

/// <summary>A service ECS could not describe, with its reason (for example <c>MISSING</c>).</summary>
internal sealed record EcsFailure(string Arn, string Reason);

/// <summary>The answer of DescribeServices.</summary>
internal sealed record DescribeServicesResult(IReadOnlyList<EcsService> Services, IReadOnlyList<EcsFailure> Failures);
