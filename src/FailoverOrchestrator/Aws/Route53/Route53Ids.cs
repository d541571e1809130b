namespace FailoverOrchestrator.Aws.Route53;

/// <summary>Route 53 returns ids as <c>/hostedzone/Z…</c> and <c>/change/C…</c>; paths take the bare id.</summary>
internal static class Route53Ids
{
    public static string HostedZone(string id) => Strip(id, "/hostedzone/", nameof(id));

    public static string Change(string id) => Strip(id, "/change/", nameof(id));

    public static string HealthCheck(string id) => Strip(id, "/healthcheck/", nameof(id));

    private static string Strip(string id, string prefix, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id, parameterName);
        var trimmed = id.Trim();
        if (trimmed.StartsWith(prefix, StringComparison.Ordinal))
        {
            trimmed = trimmed[prefix.Length..];
        }

        return trimmed.Length == 0 || trimmed.Contains('/', StringComparison.Ordinal)
            ? throw new ArgumentException($"'{id}' is not a Route 53 id.", parameterName)
            : trimmed;
    }
}
