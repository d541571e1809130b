using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;

namespace FailoverOrchestrator.LocalCloud.GlobalTables;

/// <summary>
/// The time of each item's last write in each replica, and the rule that settles a conflict: a replicated write is
/// applied only if it is newer than what the destination holds, so the last writer wins. Thread-safe.
/// </summary>
internal sealed class LastWriterWins
{
    private readonly ConcurrentDictionary<(string Region, string Table, string Key), (DateTimeOffset At, string By)> _lastWrite = new();

    /// <summary>The key of an item as one string, the same in every replica.</summary>
    public static string KeyText(Dictionary<string, AttributeValue> key) =>
        string.Join("|",
            key.OrderBy(
            k => k.Key, StringComparer.Ordinal).Select(k =>
            $"{k.Key}={k.Value.S ?? k.Value.N ?? Convert.ToBase64String(k.Value.B?.ToArray() ?? [])}"));

    /// <summary>Stamps a write a replica accepted at <paramref name="now"/> and returns the stamp.</summary>
    public DateTimeOffset Stamp(string region, string table, string keyText, DateTimeOffset now) =>
        // A local write lands on top of whatever the replica holds, so its stamp is later than the item's last one.
        _lastWrite.AddOrUpdate((region, table, keyText), (now, region), (_, last) =>
            (now > last.At ? now : last.At.AddTicks(1), region)).At;

    /// <summary>Whether <paramref name="write"/> wins at its destination; if it does, it becomes the item's last write there.</summary>
    public bool Admit(ReplicatedWrite write)
    {
        // Last writer wins: a write older than the item's last write at the destination is dropped. Ties (the same
        // instant in two regions) go to the region whose name sorts last, so every replica picks the same winner.
        var won = true;
        _lastWrite.AddOrUpdate(
            (write.DestinationRegion, write.Table, write.KeyText),
            (write.WrittenAt, write.SourceRegion),
            (_, last) =>
            {
                won = write.WrittenAt > last.At || (write.WrittenAt == last.At && string.CompareOrdinal(write.SourceRegion, last.By) > 0);
                return won ? (write.WrittenAt, write.SourceRegion) : last;
            });
        return won;
    }
}
