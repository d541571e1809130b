namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>
/// Applies a change batch to a copy of a zone's records, in order, collecting every violation with the
/// message Route 53 gives it. The caller keeps the copy only when no change failed: all or nothing.
/// A malformed record set (an alias with a TTL) throws InvalidInput at once, as Route 53 refuses the request.
/// </summary>
internal static class ChangeBatchRules
{
    public static List<string> Apply(HostedZone zone, IReadOnlyList<RecordChange> changes, List<RecordSet> records)
    {
        var messages = new List<string>();
        foreach (var change in changes)
        {
            if ((ShapeError(zone, change) ?? ApplyOne(change, records)) is { } message)
            {
                messages.Add(message);
            }
        }

        return messages;
    }

    /// <summary>Applies one well-formed change to the records; returns Route 53's message when it cannot.</summary>
    private static string? ApplyOne(RecordChange change, List<RecordSet> records)
    {
        var record = change.RecordSet;
        var current = records.FindIndex(r => r.SameKey(record));
        switch (change.Action)
        {
            case ChangeAction.Create when current >= 0:
                return $"Tried to create resource record set {record.Describe()} but it already exists";
            case ChangeAction.Delete when current < 0:
                return $"Tried to delete resource record set {record.Describe()} but it was not found";
            case ChangeAction.Delete when !records[current].SameContent(record):
                return $"Tried to delete resource record set {record.Describe()} but the values provided do not match the current values";
            case ChangeAction.Delete:
                records.RemoveAt(current);
                return null;
            default:
                if (current >= 0)
                {
                    records[current] = record;
                }
                else
                {
                    records.Add(record);
                }

                return null;
        }
    }

    private static string? ShapeError(HostedZone zone, RecordChange change)
    {
        var record = change.RecordSet;
        RequireAliasOrValues(change);
        if (!DnsName.IsInZone(record.Name, zone.Name))
        {
            return $"RRSet with DNS name {record.Name} is not permitted in zone {zone.Name}";
        }

        if (record.Type == "CNAME" && record.Name == zone.Name)
        {
            return $"RRSet of type CNAME with DNS name {record.Name} is not permitted at apex in zone {zone.Name}";
        }

        return null;
    }

    /// <summary>
    /// An alias takes its TTL from its target, so Route 53 refuses one that names a TTL or values, and a plain
    /// record needs both. It refuses the whole request as InvalidInput (not InvalidChangeBatch), as AWS does.
    /// </summary>
    private static void RequireAliasOrValues(RecordChange change)
    {
        var record = change.RecordSet;
        var isAlias = record.AliasTarget is not null;
        var hasTtlOrValues = record.Ttl is not null || record.Values.Count > 0;
        var isPlain = record.Ttl is not null && record.Values.Count > 0;
        if (isAlias ? !hasTtlOrValues : isPlain)
        {
            return;
        }

        var found = isAlias ? "more than one" : "none";
        throw RecordSetXml.InvalidInput(
            "Invalid request: Expected exactly one of [AliasTarget, all of [TTL, and ResourceRecords], or TrafficPolicyInstanceId], "
            + $"but found {found} in Change with [Action={change.Action.ToString().ToUpperInvariant()}, Name={record.Name}, "
            + $"Type={record.Type}, SetIdentifier={record.SetIdentifier ?? "null"}]");
    }
}
