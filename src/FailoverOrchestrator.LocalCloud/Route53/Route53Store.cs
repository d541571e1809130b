using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>Route 53's state: hosted zones, their record sets, submitted changes and health checks. Thread-safe.</summary>
internal sealed class Route53Store(TimeProvider timeProvider, TimeSpan propagationDelay, TimeSpan healthyAfter = default,
    Action<TimeSpan, string>? skipAhead = null)
{
    private readonly Dictionary<string, Func<DateTimeOffset?>> _servingSince = new(StringComparer.Ordinal);

    private readonly object _gate = new();
    private readonly Dictionary<string, HostedZone> _zones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ChangeStatus> _changes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HealthCheck> _healthChecks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _routingControlChecks = new(StringComparer.Ordinal);

    /// <summary>Adds a hosted zone and returns its id (without the <c>/hostedzone/</c> prefix).</summary>
    public string AddHostedZone(string name, string? id = null)
    {
        var zoneId = id ?? NewId('Z');
        lock (_gate)
        {
            _zones.Add(zoneId, new HostedZone(zoneId, DnsName.Normalize(name)));
        }

        return zoneId;
    }

    /// <summary>Creates or replaces a record set without validation or a change, as seeding wants.</summary>
    public void PutRecord(string zoneId, RecordSet record)
    {
        lock (_gate)
        {
            var zone = Zone(zoneId);
            var normalized = record with { Name = DnsName.Normalize(record.Name) };
            zone.Records.RemoveAll(r => r.SameKey(normalized));
            zone.Records.Add(normalized);
        }
    }

    /// <summary>Gets a zone's record sets in Route 53's order.</summary>
    public IReadOnlyList<RecordSet> GetRecords(string zoneId)
    {
        lock (_gate)
        {
            return [.. Zone(zoneId).Records.Order(RecordOrder.Instance)];
        }
    }

    /// <summary>Finds the record set of a name and type (and set identifier), or null.</summary>
    public RecordSet? FindRecord(string zoneId, string name, string type, string? setIdentifier = null)
    {
        var normalized = DnsName.Normalize(name);
        return GetRecords(zoneId).FirstOrDefault(r => r.Name == normalized && r.Type == type && r.SetIdentifier == setIdentifier);
    }

    /// <summary>Validates and applies a change batch all or nothing; the change is PENDING until propagated.</summary>
    public ChangeStatus ChangeRecords(string zoneId, IReadOnlyList<RecordChange> changes, string? comment)
    {
        lock (_gate)
        {
            var zone = Zone(zoneId);
            var records = new List<RecordSet>(zone.Records);
            var messages = ChangeBatchRules.Apply(zone, changes, records);
            if (messages.Count > 0)
            {
                throw new ServiceErrorException(400, "InvalidChangeBatch", $"[{string.Join(", ", messages)}]", messages);
            }

            zone.Records = records;
            var change = new ChangeStatus(NewId('C'), ChangeStatus.Pending, timeProvider.GetUtcNow(), comment);
            _changes.Add(change.Id, change);
            return change;
        }
    }

    public ChangeStatus GetChange(string changeId)
    {
        lock (_gate)
        {
            if (!_changes.TryGetValue(changeId, out var change))
            {
                throw new ServiceErrorException(404, "NoSuchChange", $"A change with the specified change ID does not exist: {changeId}");
            }

            var propagated = timeProvider.GetUtcNow() - change.SubmittedAt >= propagationDelay;
            return propagated ? change with { Status = ChangeStatus.InSync } : change;
        }
    }

    /// <summary>Gets every change submitted so far, oldest first, with its status as GetChange would report it now.</summary>
    public IReadOnlyList<ChangeStatus> GetChanges()
    {
        lock (_gate)
        {
            return _changes.Values.OrderBy(c => c.SubmittedAt).Select(c => GetChange(c.Id)).ToList();
        }
    }

    /// <summary>Lists record sets from a name and type on, at most <paramref name="maxItems"/>.</summary>
    public RecordPage ListRecords(string zoneId, string? startName, string? startType, string? startIdentifier, int maxItems)
    {
        lock (_gate)
        {
            var start = startName is null ? null : DnsName.Normalize(startName);
            var from = Zone(zoneId).Records
                .Order(RecordOrder.Instance)
                .Where(r => start is null || IsAtOrAfter(r, start, startType, startIdentifier))
                .ToList();
            return new RecordPage(from.Take(maxItems).ToList(), maxItems, from.Count > maxItems ? from[maxItems] : null);
        }
    }

    /// <summary>Adds a health check with the status the caller wants and returns its id.</summary>
    public string AddHealthCheck(bool healthy, string? id = null, IReadOnlyList<string>? checkerRegions = null)
    {
        var check = new HealthCheck(
            id ?? Guid.NewGuid().ToString(), healthy, HealthCheck.DefaultFailureReason,
            checkerRegions ?? HealthCheck.DefaultCheckerRegions, timeProvider.GetUtcNow());
        lock (_gate)
        {
            _healthChecks.Add(check.Id, check);
        }

        return check.Id;
    }

    /// <summary>Sets what every checker of a health check reports from now on.</summary>
    public void SetHealthCheckStatus(string healthCheckId, bool healthy, string? failureReason = null)
    {
        lock (_gate)
        {
            var check = HealthCheckOf(healthCheckId);
            _healthChecks[healthCheckId] = check with
            {
                Healthy = healthy,
                FailureReason = failureReason ?? HealthCheck.DefaultFailureReason,
                CheckedAt = timeProvider.GetUtcNow(),
            };
        }
    }

    /// <summary>
    /// Ties a health check to the tasks behind its endpoint: it reports healthy only once they have served for
    /// <c>healthyAfter</c> (Route 53 needs FailureThreshold passing requests per checker), and while they do.
    /// </summary>
    public void LinkHealthCheck(string healthCheckId, Func<DateTimeOffset?> servingSince)
    {
        lock (_gate)
        {
            HealthCheckOf(healthCheckId);
            _servingSince[healthCheckId] = servingSince;
        }
    }

    /// <summary>Adds a RECOVERY_CONTROL health check: healthy exactly while the routing control is On (DNS asks the cluster).</summary>
    public void AddRoutingControlHealthCheck(string healthCheckId, string routingControlArn)
    {
        lock (_gate)
        {
            _routingControlChecks[healthCheckId] = routingControlArn;
        }
    }

    /// <summary>The routing control a RECOVERY_CONTROL health check follows; null for any other health check.</summary>
    public string? RoutingControlOf(string healthCheckId)
    {
        lock (_gate)
        {
            return _routingControlChecks.GetValueOrDefault(healthCheckId);
        }
    }

    /// <summary>The zone that holds <paramref name="name"/> (the longest match), or null.</summary>
    public string? FindZoneOf(string name)
    {
        var normalized = DnsName.Normalize(name);
        lock (_gate)
        {
            return _zones.Values.Where(z => DnsName.IsInZone(normalized, z.Name)).MaxBy(z => z.Name.Length)?.Id;
        }
    }

    /// <summary>
    /// The status the checkers report now, as the DNS data plane uses it: like <see cref="GetHealthCheck"/>, but a query
    /// never moves the clock. An unknown id is unhealthy.
    /// </summary>
    public bool IsHealthyNow(string healthCheckId)
    {
        lock (_gate)
        {
            return _healthChecks.ContainsKey(healthCheckId) && Evaluate(healthCheckId, skip: false).Healthy;
        }
    }

    public HealthCheck GetHealthCheck(string healthCheckId)
    {
        lock (_gate)
        {
            return Evaluate(healthCheckId, skip: true);
        }
    }

    private HealthCheck Evaluate(string healthCheckId, bool skip)
    {
        var check = HealthCheckOf(healthCheckId);
        if (!check.Healthy || !_servingSince.TryGetValue(healthCheckId, out var servingSince))
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
                $"Route 53's checkers see health check {healthCheckId} pass {healthyAfter.TotalSeconds:0} s of requests");
            now = timeProvider.GetUtcNow();
        }

        return healthyAt <= now ? check : check with { Healthy = false, FailureReason = NoTask };
    }

    private const string NoTask = "Failure: Connection refused. No task serves behind the load balancer yet.";

    private static bool IsAtOrAfter(RecordSet record, string name, string? type, string? identifier)
    {
        var position = type is null
            ? RecordOrder.Compare(record.Name, string.Empty, name, string.Empty) >= 0 ? 1 : -1
            : RecordOrder.Compare(record.Name, record.Type, name, type);
        return position > 0
            || (position == 0 && string.CompareOrdinal(record.SetIdentifier ?? string.Empty, identifier ?? string.Empty) >= 0);
    }

    private static string NewId(char prefix) =>
        prefix + Guid.NewGuid().ToString("N")[..13].ToUpperInvariant();

    private HostedZone Zone(string zoneId) =>
        _zones.TryGetValue(zoneId, out var zone)
            ? zone
            : throw new ServiceErrorException(404, "NoSuchHostedZone", $"No hosted zone found with ID: {zoneId}");

    private HealthCheck HealthCheckOf(string healthCheckId) =>
        _healthChecks.TryGetValue(healthCheckId, out var check)
            ? check
            : throw new ServiceErrorException(404, "NoSuchHealthCheck", $"A health check with id {healthCheckId} does not exist.");
}
