using FailoverOrchestrator.Aws.Ecs;

namespace FailoverOrchestrator.Steps;

/// <summary>What preflight's readiness checks found in the target region: the problems, the calls made and the ECS services read.</summary>
internal sealed record TargetReadiness(
    IReadOnlyList<string> Problems, IReadOnlyList<string> Calls, IReadOnlyList<(string Cluster, EcsService Service)> Services);
