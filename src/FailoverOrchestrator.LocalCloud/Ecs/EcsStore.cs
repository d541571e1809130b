using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.Ecs;

/// <summary>ECS's state per region: clusters and their services. Thread-safe.</summary>
internal sealed class EcsStore(TimeProvider timeProvider, double tasksPerSecond, string accountId, TimeSpan taskStartTime = default,
    Action<TimeSpan, string>? skipAhead = null)
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Region, string Cluster), Dictionary<string, EcsService>> _clusters = [];

    /// <summary>Adds an empty cluster (nothing happens when it exists).</summary>
    public void AddCluster(string region, string clusterName)
    {
        lock (_gate)
        {
            _clusters.TryAdd((region, clusterName), new Dictionary<string, EcsService>(StringComparer.Ordinal));
        }
    }

    /// <summary>Adds an ACTIVE service (and its cluster when missing) with the counts given, or resets an existing one's counts.</summary>
    public EcsServiceSnapshot AddService(string region, string clusterName, string serviceName, int desiredCount, int runningCount)
    {
        AddCluster(region, clusterName);
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            var services = _clusters[(region, clusterName)];
            if (!services.TryGetValue(serviceName, out var service))
            {
                service = new EcsService(region, clusterName, ClusterArn(region, clusterName), serviceName,
                    ServiceArn(region, clusterName, serviceName), now)
                {
                    TaskStartTime = taskStartTime,
                };
                services.Add(serviceName, service);
            }

            service.SetCounts(desiredCount, runningCount, now);
            return service.Snapshot(now, tasksPerSecond);
        }
    }

    /// <summary>Sets an existing service's counts at once, for example to take a region's tasks down.</summary>
    public EcsServiceSnapshot SetCounts(string region, string clusterName, string serviceName, int desiredCount, int runningCount)
    {
        lock (_gate)
        {
            var service = Find(region, clusterName, serviceName);
            var now = timeProvider.GetUtcNow();
            service.SetCounts(desiredCount, runningCount, now);
            return service.Snapshot(now, tasksPerSecond);
        }
    }

    /// <summary>Sets an existing service's status (ACTIVE, DRAINING, INACTIVE), as a deletion in progress would.</summary>
    public EcsServiceSnapshot SetStatus(string region, string clusterName, string serviceName, string status)
    {
        lock (_gate)
        {
            var service = Find(region, clusterName, serviceName);
            service.Status = status;
            return service.Snapshot(timeProvider.GetUtcNow(), tasksPerSecond);
        }
    }

    /// <summary>Removes a service at once, so DescribeServices reports it MISSING; true when it existed.</summary>
    public bool RemoveService(string region, string clusterName, string serviceName)
    {
        lock (_gate)
        {
            return Services(region, clusterName).Remove(serviceName);
        }
    }

    /// <summary>Gets a service as it is now, or null.</summary>
    public EcsServiceSnapshot? GetService(string region, string clusterName, string serviceName)
    {
        lock (_gate)
        {
            return _clusters.TryGetValue((region, clusterName), out var services) && services.TryGetValue(serviceName, out var service)
                ? service.Snapshot(timeProvider.GetUtcNow(), tasksPerSecond)
                : null;
        }
    }

    /// <summary>Gets every service of every region as it is now.</summary>
    public IReadOnlyList<EcsServiceSnapshot> GetServices()
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            return _clusters.Values.SelectMany(s => s.Values).Select(s => s.Snapshot(now, tasksPerSecond)).ToList();
        }
    }

    /// <summary>Since when every named service of a region has a task running (see <see cref="EcsService.ServingSince"/>); null when one
    /// has none.</summary>
    public DateTimeOffset? ServingSince(string region, IEnumerable<(string Cluster, string Service)> services)
    {
        lock (_gate)
        {
            var now = timeProvider.GetUtcNow();
            DateTimeOffset latest = DateTimeOffset.MinValue;
            foreach (var (cluster, service) in services)
            {
                if (!_clusters.TryGetValue((region, cluster), out var all) || !all.TryGetValue(service, out var found)
                    || found.ServingSince(now, tasksPerSecond) is not { } since)
                {
                    return null;
                }

                latest = since > latest ? since : latest;
            }

            return latest;
        }
    }

    /// <summary>Changes a service's desired count, as UpdateService does.</summary>
    public EcsServiceSnapshot UpdateDesiredCount(string region, string cluster, string service, int? desiredCount)
    {
        lock (_gate)
        {
            var found = Find(region, cluster, service);
            var now = timeProvider.GetUtcNow();
            if (desiredCount is { } desired)
            {
                found.SetDesiredCount(desired, now, tasksPerSecond);
            }

            return found.Snapshot(now, tasksPerSecond);
        }
    }

    /// <summary>Describes services by name or ARN; those not found come back as MISSING failures (their ARNs).</summary>
    public (IReadOnlyList<EcsServiceSnapshot> Found, IReadOnlyList<string> Missing) Describe(string region, string cluster,
        IEnumerable<string> services)
    {
        lock (_gate)
        {
            var all = Services(region, cluster);
            var now = timeProvider.GetUtcNow();
            var found = new List<EcsServiceSnapshot>();
            var missing = new List<string>();
            foreach (var service in services)
            {
                if (all.TryGetValue(NameOf(service), out var existing))
                {
                    // A caller polling for tasks that are still starting: the world skips to their start instead of making it wait.
                    if (skipAhead is not null && existing.TimeUntilRunning(now, tasksPerSecond) is { } wait && wait > TimeSpan.Zero)
                    {
                        skipAhead(wait, $"ECS starts the new tasks of {NameOf(cluster)}/{NameOf(service)} in {region}");
                        now = timeProvider.GetUtcNow();
                    }

                    found.Add(existing.Snapshot(now, tasksPerSecond));
                }
                else
                {
                    missing.Add(service.StartsWith("arn:", StringComparison.Ordinal)
                        ? service : ServiceArn(region, NameOf(cluster), service));
                }
            }

            return (found, missing);
        }
    }

    /// <summary>Takes the name out of a name or an ARN (<c>arn:aws:ecs:r:a:service/cluster/name</c>).</summary>
    private static string NameOf(string nameOrArn) =>
        nameOrArn.StartsWith("arn:", StringComparison.Ordinal) ? nameOrArn[(nameOrArn.LastIndexOf('/') + 1)..] : nameOrArn;

    private EcsService Find(string region, string cluster, string service) =>
        Services(region, cluster).TryGetValue(NameOf(service), out var existing)
            ? existing
            : throw ServiceErrorException.BadRequest("ServiceNotFoundException", "Service not found.");

    private Dictionary<string, EcsService> Services(string region, string cluster) =>
        _clusters.TryGetValue((region, NameOf(cluster)), out var services)
            ? services
            : throw ServiceErrorException.BadRequest("ClusterNotFoundException", "Cluster not found.");

    private string ClusterArn(string region, string cluster) => $"arn:aws:ecs:{region}:{accountId}:cluster/{cluster}";

    private string ServiceArn(string region, string cluster, string service) =>
        $"arn:aws:ecs:{region}:{accountId}:service/{cluster}/{service}";
}
