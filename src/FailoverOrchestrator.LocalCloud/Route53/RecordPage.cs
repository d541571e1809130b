namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>One page of ListResourceRecordSets, and where the next one starts when it is truncated.</summary>
internal sealed record RecordPage(IReadOnlyList<RecordSet> Records, int MaxItems, RecordSet? Next)
{
    public bool IsTruncated => Next is not null;
}
