using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>
/// Route 53's state: hosted zones and their record sets here, submitted changes in <see cref="ChangeTracker"/>, health
/// checks in <see cref="HealthCheckRegistry"/>. Thread-safe.
/// </summary>
internal sealed class Route53Store(TimeProvider timeProvider, TimeSpan propagationDelay, TimeSpan healthyAfter = default,
    Action<TimeSpan, string>? skipAhead = null)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, HostedZone> _zones = new(StringComparer.Ordinal);
    private readonly ChangeTracker _changes = new(timeProvider, propagationDelay);
    private readonly HealthCheckRegistry _healthChecks = new(timeProvider, healthyAfter, skipAhead);

    /// <summary>Adds a hosted zone and returns its id (without the <c>/hostedzone/</c> prefix).</summary>
    public string AddHostedZone(string name, string? id = null)
    {
        var zoneId = id ?? Route53Ids.New('Z');
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
            return _changes.Submit(comment);
        }
    }

    public ChangeStatus GetChange(string changeId) => _changes.Get(changeId);

    /// <summary>Gets every change submitted so far, oldest first, with its status as GetChange would report it now.</summary>
    public IReadOnlyList<ChangeStatus> GetChanges() => _changes.All();

    /// <summary>Lists record sets from a name and type on, at most <paramref name="maxItems"/>.</summary>
    public RecordPage ListRecords(string zoneId, string? startName, string? startType, string? startIdentifier, int maxItems)
    {
        lock (_gate)
        {
            var start = startName is null ? null : DnsName.Normalize(startName);
            var from = Zone(zoneId).Records
                .Order(RecordOrder.Instance)
                .Where(r => start is null || RecordOrder.IsAtOrAfter(r, start, startType, startIdentifier))
                .ToList();
            return new RecordPage(from.Take(maxItems).ToList(), maxItems, from.Count > maxItems ? from[maxItems] : null);
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

    /// <summary>Adds a health check with the status the caller wants and returns its id.</summary>
    public string AddHealthCheck(bool healthy, string? id = null, IReadOnlyList<string>? checkerRegions = null) =>
        _healthChecks.Add(healthy, id, checkerRegions);

    /// <summary>Sets what every checker of a health check reports from now on.</summary>
    public void SetHealthCheckStatus(string healthCheckId, bool healthy, string? failureReason = null) =>
        _healthChecks.SetStatus(healthCheckId, healthy, failureReason);

    /// <summary>
    /// Ties a health check to the tasks behind its endpoint: it reports healthy only once they have served for
    /// <c>healthyAfter</c> (Route 53 needs FailureThreshold passing requests per checker), and while they do.
    /// </summary>
    public void LinkHealthCheck(string healthCheckId, Func<DateTimeOffset?> servingSince) =>
        _healthChecks.Link(healthCheckId, servingSince);

    /// <summary>Adds a RECOVERY_CONTROL health check: healthy exactly while the routing control is On (DNS asks the cluster).</summary>
    public void AddRoutingControlHealthCheck(string healthCheckId, string routingControlArn) =>
        _healthChecks.FollowRoutingControl(healthCheckId, routingControlArn);

    /// <summary>The routing control a RECOVERY_CONTROL health check follows; null for any other health check.</summary>
    public string? RoutingControlOf(string healthCheckId) => _healthChecks.RoutingControlOf(healthCheckId);

    /// <summary>
    /// The status the checkers report now, as the DNS data plane uses it: like <see cref="GetHealthCheck"/>, but a query
    /// never moves the clock. An unknown id is unhealthy.
    /// </summary>
    public bool IsHealthyNow(string healthCheckId) => _healthChecks.IsHealthyNow(healthCheckId);

    public HealthCheck GetHealthCheck(string healthCheckId) => _healthChecks.Get(healthCheckId, skip: true);

    private HostedZone Zone(string zoneId) =>
        _zones.TryGetValue(zoneId, out var zone)
            ? zone
            : throw new ServiceErrorException(404, "NoSuchHostedZone", $"No hosted zone found with ID: {zoneId}");
}
