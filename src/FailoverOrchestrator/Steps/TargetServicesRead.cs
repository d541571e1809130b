using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Configuration;

namespace FailoverOrchestrator.Steps;

/// <summary>
/// Preflight's read of the target's ECS services, one DescribeServices per cluster: each must exist, be ACTIVE and
/// have a task definition to start, even with no task running (a pilot light). Whether every service already runs
/// tasks decides whether the target's health check must be healthy now.
/// </summary>
internal static class TargetServicesRead
{
    /// <summary>True when every service runs at least one task, so the endpoint should already be healthy.</summary>
    public static async Task<bool> CheckAsync(
        IEcsClient ecs,
        string targetRegion,
        RegionOptions region,
        List<(string, EcsService)> described,
        List<string> problems,
        List<string> calls,
        CancellationToken cancellationToken)
    {
        var serving = true;
        foreach (var cluster in region.Services.GroupBy(s => s.Cluster, StringComparer.Ordinal))
        {
            var names = cluster.Select(s => s.Service).ToList();
            calls.Add($"ecs:DescribeServices region={targetRegion} cluster={cluster.Key} services={string.Join(",", names)}");
            try
            {
                var result = await ecs.DescribeServicesAsync(targetRegion, cluster.Key, names, cancellationToken);
                described.AddRange(result.Services.Select(service => (cluster.Key, service)));
                foreach (var name in names)
                {
                    var service = result.Services.FirstOrDefault(s => s.ServiceName == name);
                    serving &= service is { RunningCount: > 0 };
                    if (ServiceProblem(targetRegion, cluster.Key, name, service) is { } problem)
                    {
                        problems.Add(problem);
                    }
                }
            }
            catch (AwsServiceException ex)
            {
                problems.Add($"ECS services of cluster {cluster.Key} could not be read: {ex.ErrorCode}: {ex.AwsMessage}");
                serving = false;
            }
        }

        return serving;
    }

    /// <summary>Why the service cannot be scaled up to serve (missing, not ACTIVE, no task definition); null when it can.</summary>
    private static string? ServiceProblem(string targetRegion, string cluster, string name, EcsService? service)
    {
        if (service is null)
        {
            return $"ECS service {cluster}/{name} does not exist in {targetRegion}";
        }

        if (service.Status != "ACTIVE")
        {
            return $"ECS service {cluster}/{name} is {service.Status}, not ACTIVE";
        }

        return string.IsNullOrEmpty(service.TaskDefinition)
            ? $"ECS service {cluster}/{name} in {targetRegion} has no task definition to start"
            : null;
    }
}
