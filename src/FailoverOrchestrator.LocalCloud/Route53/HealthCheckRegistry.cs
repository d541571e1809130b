using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>
/// Route 53's health checks: the status each reports, the tasks behind its endpoint it follows, and the routing control
/// a RECOVERY_CONTROL check follows. Thread-safe.
/// </summary>
internal sealed class HealthCheckRegistry(TimeProvider timeProvider, TimeSpan healthyAfter, Action<TimeSpan, string>? skipAhead)
{
    private const string NoTask = "Failure: Connection refused. No task serves behind the load balancer yet.";

    private readonly object _gate = new();
    private readonly Dictionary<string, HealthCheck> _checks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Func<DateTimeOffset?>> _servingSince = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _routingControls = new(StringComparer.Ordinal);

    /// <summary>Adds a health check with the status the caller wants and returns its id.</summary>
    public string Add(bool healthy, string? id, IReadOnlyList<string>? checkerRegions)
    {
        var check = new HealthCheck(
            id ?? Guid.NewGuid().ToString(), healthy, HealthCheck.DefaultFailureReason,
            checkerRegions ?? HealthCheck.DefaultCheckerRegions, timeProvider.GetUtcNow());
        lock (_gate)
        {
            _checks.Add(check.Id, check);
        }

        return check.Id;
    }

    /// <summary>Sets what every checker of a health check reports from now on.</summary>
    public void SetStatus(string healthCheckId, bool healthy, string? failureReason)
    {
        lock (_gate)
        {
            _checks[healthCheckId] = Find(healthCheckId) with
            {
                Healthy = healthy,
                FailureReason = failureReason ?? HealthCheck.DefaultFailureReason,
                CheckedAt = timeProvider.GetUtcNow(),
            };
        }
    }

    /// <summary>Ties a health check to the tasks behind its endpoint (see <see cref="Route53Store.LinkHealthCheck"/>).</summary>
    public void Link(string healthCheckId, Func<DateTimeOffset?> servingSince)
    {
        lock (_gate)
        {
            Find(healthCheckId);
            _servingSince[healthCheckId] = servingSince;
        }
    }

    /// <summary>Makes a health check RECOVERY_CONTROL: healthy exactly while the routing control is On.</summary>
    public void FollowRoutingControl(string healthCheckId, string routingControlArn)
    {
        lock (_gate)
        {
            _routingControls[healthCheckId] = routingControlArn;
        }
    }

    /// <summary>The routing control a RECOVERY_CONTROL health check follows; null for any other health check.</summary>
    public string? RoutingControlOf(string healthCheckId)
    {
        lock (_gate)
        {
            return _routingControls.GetValueOrDefault(healthCheckId);
        }
    }

    /// <summary>The status the checkers report now; with <paramref name="skip"/>, a wait for coming health skips ahead to it.</summary>
    public HealthCheck Get(string healthCheckId, bool skip)
    {
        lock (_gate)
        {
            return Evaluate(Find(healthCheckId), skip);
        }
    }

    /// <summary>Like <see cref="Get"/> without skipping, for the DNS data plane: an unknown id is unhealthy.</summary>
    public bool IsHealthyNow(string healthCheckId)
    {
        lock (_gate)
        {
            return _checks.TryGetValue(healthCheckId, out var check) && Evaluate(check, skip: false).Healthy;
        }
    }

    private HealthCheck Evaluate(HealthCheck check, bool skip)
    {
        if (!check.Healthy || !_servingSince.TryGetValue(check.Id, out var servingSince))
        {
            return check;
        }

        if (servingSince() is not { } since)
        {
            return check with { Healthy = false, FailureReason = NoTask };
        }

        var healthyAt = since == DateTimeOffset.MinValue ? since : since + healthyAfter;
        var now = timeProvider.GetUtcNow();
        if (healthyAt > now && skip && skipAhead is not null)
        {
            // A caller polling for health that will come: the world skips to it instead of making it wait.
            skipAhead(healthyAt - now,
                $"Route 53's checkers see health check {check.Id} pass {healthyAfter.TotalSeconds:0} s of requests");
            now = timeProvider.GetUtcNow();
        }

        return healthyAt <= now ? check : check with { Healthy = false, FailureReason = NoTask };
    }

    private HealthCheck Find(string healthCheckId) =>
        _checks.TryGetValue(healthCheckId, out var check)
            ? check
            : throw new ServiceErrorException(404, "NoSuchHealthCheck", $"A health check with id {healthCheckId} does not exist.");
}
