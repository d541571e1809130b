namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>Route 53's ids of zones and changes: a letter, then 13 upper-case hex digits.</summary>
internal static class Route53Ids
{
    public static string New(char prefix) => prefix + Guid.NewGuid().ToString("N")[..13].ToUpperInvariant();
}
