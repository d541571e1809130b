namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>
/// Orders record sets the way ListResourceRecordSets does: by name with its labels reversed
/// (com.example.api), then by type, then by set identifier.
/// </summary>
internal sealed class RecordOrder : IComparer<RecordSet>
{
    public static readonly RecordOrder Instance = new();

    public int Compare(RecordSet? x, RecordSet? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        var byPosition = Compare(x.Name, x.Type, y.Name, y.Type);
        return byPosition != 0 ? byPosition : string.CompareOrdinal(x.SetIdentifier ?? string.Empty, y.SetIdentifier ?? string.Empty);
    }

    public static int Compare(string name, string type, string otherName, string otherType)
    {
        var byName = string.CompareOrdinal(ReversedLabels(name), ReversedLabels(otherName));
        return byName != 0 ? byName : string.CompareOrdinal(type, otherType);
    }

    /// <summary>Whether a listing that starts at <paramref name="name"/>, <paramref name="type"/> and
    /// <paramref name="identifier"/> includes <paramref name="record"/>.</summary>
    public static bool IsAtOrAfter(RecordSet record, string name, string? type, string? identifier)
    {
        var position = type is null
            ? Compare(record.Name, string.Empty, name, string.Empty) >= 0 ? 1 : -1
            : Compare(record.Name, record.Type, name, type);
        return position > 0
            || (position == 0 && string.CompareOrdinal(record.SetIdentifier ?? string.Empty, identifier ?? string.Empty) >= 0);
    }

    private static string ReversedLabels(string name) =>
        string.Join('.', Enumerable.Reverse(name.TrimEnd('.').Split('.')));
}
