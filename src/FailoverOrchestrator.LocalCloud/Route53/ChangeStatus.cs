namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>A submitted change as GetChange reports it: PENDING until propagated, then INSYNC.</summary>
internal sealed record ChangeStatus(string Id, string Status, DateTimeOffset SubmittedAt, string? Comment)
{
    public const string Pending = "PENDING";
    public const string InSync = "INSYNC";
}
