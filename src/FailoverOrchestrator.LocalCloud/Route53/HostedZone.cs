namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>A hosted zone and its record sets. Guarded by the lock of the <see cref="Route53Store"/>.</summary>
internal sealed class HostedZone(string id, string name)
{
    public string Id { get; } = id;

    public string Name { get; } = name;

    public List<RecordSet> Records { get; set; } = [];
}
