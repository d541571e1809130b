namespace FailoverOrchestrator.Configuration;

/// <summary>Record and zone names compared the way Route 53 returns them.</summary>
internal static class DnsNames
{
    /// <summary>Lower case with the trailing dot, the form Route 53 returns.</summary>
    public static string Normalize(string name) =>
        string.IsNullOrWhiteSpace(name) ? string.Empty : name.Trim().TrimEnd('.').ToLowerInvariant() + ".";
}
