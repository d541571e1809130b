using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;

namespace FailoverOrchestrator.Steps;

/// <summary>The scale-and-wait logic shared by the scale-up and scale-down steps.</summary>
internal static class EcsScaling
{
    public static async Task<StepOutcome> ScaleAsync(
        IEcsClient ecs, TimeProvider time, string step, StepContext context, string region,
        Func<EcsServiceOptions, int> desiredOf, bool waitForRunning, CancellationToken cancellationToken)
    {
        var calls = new List<string>();
        var services = context.App.Regions[region].Services;
        var updated = 0;
        foreach (var cluster in services.GroupBy(s => s.Cluster, StringComparer.Ordinal))
        {
            var current =
                await DescribeAsync(ecs, step, region, cluster.Key, cluster.Select(s => s.Service).ToList(), calls, cancellationToken);
            foreach (var service in cluster)
            {
                var desired = desiredOf(service);
                if (current.TryGetValue(service.Service, out var found) && found.DesiredCount == desired)
                {
                    continue;
                }

                calls.Add($"ecs:UpdateService region={region} cluster={service.Cluster} service={service.Service} desiredCount={desired}");
                await context.Lease.EnsureHeldAsync($"ecs:UpdateService {service.Cluster}/{service.Service}", cancellationToken);
                await ecs.UpdateServiceAsync(region, service.Cluster, service.Service, desired, cancellationToken);
                updated++;
            }
        }

        if (!waitForRunning)
        {
            return Done(updated, services.Count, region, calls, "set to standby counts");
        }

        List<string> lagging = [];
        var running = await Polling.UntilAsync(
            async ct =>
            {
                lagging = await LaggingAsync(ecs, step, region, services, desiredOf, context.App.RunningShare, calls, ct);
                return lagging.Count == 0;
            },
            PollSchedule.Default,
            time.GetUtcNow().AddSeconds(context.App.EcsWaitSeconds),
            time,
            cancellationToken);

        return running
            ? Done(updated, services.Count, region, calls, "running")
            : throw new StepFailedException(step,
                $"timed out after {context.App.EcsWaitSeconds}s waiting for running tasks in {region}: {string.Join("; ", lagging)}");
    }

    public static StepOutcome Plan(StepContext context, string region, Func<EcsServiceOptions, int> desiredOf, bool waitForRunning)
    {
        var calls = new List<string>();
        foreach (var s in context.App.Regions[region].Services)
        {
            calls.Add($"ecs:UpdateService region={region} cluster={s.Cluster} service={s.Service} desiredCount={desiredOf(s)}");
        }

        if (waitForRunning)
        {
            calls.Add(
                $"ecs:DescribeServices region={region} until running >= {context.App.RunningShare:P0} of desired, at most "
                + $"{context.App.EcsWaitSeconds}s");
        }

        return StepOutcome.Planned($"scale {context.App.Regions[region].Services.Count} service(s) in {region}", calls);
    }

    private static StepOutcome Done(int updated, int total, string region, List<string> calls, string what) =>
        updated == 0
            ? StepOutcome.Unchanged($"{total} service(s) in {region} already at their counts and {what}", calls)
            : StepOutcome.Succeeded($"{updated} of {total} service(s) in {region} updated; {what}", calls);

    private static async Task<List<string>> LaggingAsync(
        IEcsClient ecs, string step, string region, List<EcsServiceOptions> services, Func<EcsServiceOptions, int> desiredOf,
        double share, List<string> calls, CancellationToken cancellationToken)
    {
        var lagging = new List<string>();
        foreach (var cluster in services.GroupBy(s => s.Cluster, StringComparer.Ordinal))
        {
            var current =
                await DescribeAsync(ecs, step, region, cluster.Key, cluster.Select(s => s.Service).ToList(), calls, cancellationToken);
            foreach (var service in cluster)
            {
                var needed = (int)Math.Ceiling(desiredOf(service) * share);
                var running = current.TryGetValue(service.Service, out var found) ? found.RunningCount : 0;
                if (running < needed)
                {
                    lagging.Add($"{service.Cluster}/{service.Service} running {running} of {needed} needed");
                }
            }
        }

        return lagging;
    }

    private static async Task<Dictionary<string, EcsService>> DescribeAsync(
        IEcsClient ecs, string step, string region, string cluster, List<string> names, List<string> calls,
            CancellationToken cancellationToken)
    {
        calls.Add($"ecs:DescribeServices region={region} cluster={cluster} services={string.Join(",", names)}");
        var result = await ecs.DescribeServicesAsync(region, cluster, names, cancellationToken);
        if (result.Failures.Count > 0)
        {
            throw new StepFailedException(step,
                $"ECS could not describe {string.Join(", ", result.Failures.Select(f => $"{f.Arn} ({f.Reason})"))} in {region}");
        }

        return result.Services.ToDictionary(s => s.ServiceName, StringComparer.Ordinal);
    }
}
