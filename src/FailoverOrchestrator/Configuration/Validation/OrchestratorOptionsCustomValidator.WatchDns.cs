namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>The watch's DNS verdict (Watch:Dns) and its flapping window: rules that read more than one setting.</summary>
internal sealed partial class OrchestratorOptionsCustomValidator
{
    private const int MaxDnsTimeoutSeconds = 10;

    private static void ValidateWatchDns(List<string> errors, string at, AppOptions app)
    {
        ValidateFlapWindow(errors, at, app.Watch);
        var dns = app.Watch.Dns;
        at = $"{at}:Dns";
        if (dns.Resolver.Length > 0 && dns.ResolverEndPoint() is null)
        {
            errors.Add(
                $"{at}:Resolver: '{dns.Resolver}' is not an IP address with an optional port (for example 10.0.0.2:53 or [fd00::2]:53)");
        }

        if (dns.TimeoutSeconds is < 1 or > MaxDnsTimeoutSeconds)
        {
            errors.Add($"{at}:TimeoutSeconds: {dns.TimeoutSeconds} must be between 1 and {MaxDnsTimeoutSeconds}");
        }

        if (dns.Enabled)
        {
            ValidateWatchRecordName(errors, at, dns.RecordName, app.Dns.RecordName);
        }
    }

    private static void ValidateFlapWindow(List<string> errors, string at, WatchOptions watch)
    {
        var window = watch.FlapWindowRuns is >= 2 and <= WatchOptions.MaxHistory;
        if (!window || watch.FlapFailedRuns < 2 || watch.FlapFailedRuns > watch.FlapWindowRuns)
        {
            errors.Add($"{at}:FlapFailedRuns, FlapWindowRuns: {watch.FlapFailedRuns} of {watch.FlapWindowRuns} runs; "
                + $"need 2 <= FlapFailedRuns <= FlapWindowRuns <= {WatchOptions.MaxHistory}");
        }
    }

    /// <summary>The record the watch resolves must be a DNS name, and not the app's own record.</summary>
    private static void ValidateWatchRecordName(List<string> errors, string at, string recordName, string appRecordName)
    {
        var name = recordName.Trim().TrimEnd('.');
        var labelsOk = name.Split('.').All(l => l.Length is > 0 and <= 63);
        if (name.Length is 0 or > 253 || !labelsOk || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
        {
            errors.Add($"{at}:RecordName: '{recordName}' is not a DNS name");
        }
        else if (string.Equals(name, appRecordName.Trim().TrimEnd('.'), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"{at}:RecordName: '{recordName}' is the app's own record (Dns:RecordName), which answers where the switch "
                + "sends traffic, not what Route 53's health checkers see; "
                + "name a failover record whose PRIMARY carries the primary's health check");
        }
    }
}
