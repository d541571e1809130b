namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>DNS names as Route 53 keeps them: lower case, fully qualified (a trailing dot).</summary>
internal static class DnsName
{
    public static string Normalize(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        return lower.EndsWith('.') ? lower : lower + ".";
    }

    /// <summary>Whether <paramref name="name"/> is <paramref name="zone"/> or below it.</summary>
    public static bool IsInZone(string name, string zone) =>
        name == zone || name.EndsWith("." + zone, StringComparison.Ordinal);
}
