namespace FailoverOrchestrator.Configuration;

/// <summary>Checks an app's watch settings explicitly (no reflection-based validation: the function is published Native AOT).</summary>
internal static class WatchOptionsValidator
{
    public const int MaxEndpoints = 5;
    public const int MaxHistory = 60;

    /// <summary>The schedule runs once a minute; a shorter failing time would act on a single run.</summary>
    public const int MinFailedForSeconds = 60;

    public static void Validate(List<string> errors, string at, WatchOptions watch, int functionTimeoutSeconds)
    {
        at = $"{at}:Watch";
        if (watch.HealthEndpoints.Count > MaxEndpoints)
        {
            errors.Add($"{at}:HealthEndpoints: {watch.HealthEndpoints.Count} endpoints given, at most {MaxEndpoints}");
        }

        for (var i = 0; i < watch.HealthEndpoints.Count; i++)
        {
            var url = watch.HealthEndpoints[i];
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) || uri.UserInfo.Length > 0)
            {
                errors.Add($"{at}:HealthEndpoints:{i}: '{url}' is not an http(s) URL without credentials");
            }
        }

        if (watch.HealthEndpoints.Distinct(StringComparer.OrdinalIgnoreCase).Count() != watch.HealthEndpoints.Count)
        {
            errors.Add($"{at}:HealthEndpoints: an endpoint is listed twice");
        }

        if (!Enum.IsDefined(watch.Policy))
        {
            errors.Add($"{at}:Policy: '{watch.Policy}' is neither Notify nor Failover");
        }

        if (watch.FailedForSeconds is < MinFailedForSeconds or > 3600)
        {
            errors.Add($"{at}:FailedForSeconds: {watch.FailedForSeconds} must be between {MinFailedForSeconds} (the schedule runs once a minute) and 3600");
        }

        // Every probe runs at once; the run must leave the invocation time for the state, the audit and a page.
        if (watch.ProbeTimeoutSeconds < 1 || watch.ProbeTimeoutSeconds + AppOptionsValidator.WaitReserveSeconds > functionTimeoutSeconds)
        {
            errors.Add($"{at}:ProbeTimeoutSeconds: {watch.ProbeTimeoutSeconds} must be at least 1 and, with {AppOptionsValidator.WaitReserveSeconds} s for the calls around it, fit in Orchestrator:FunctionTimeoutSeconds ({functionTimeoutSeconds})");
        }

        if (watch.FlapWindowRuns is < 2 or > MaxHistory || watch.FlapFailedRuns < 2 || watch.FlapFailedRuns > watch.FlapWindowRuns)
        {
            errors.Add($"{at}:FlapFailedRuns, FlapWindowRuns: {watch.FlapFailedRuns} of {watch.FlapWindowRuns} runs; need 2 <= FlapFailedRuns <= FlapWindowRuns <= {MaxHistory}");
        }

        if (watch.HistorySize is < 1 or > MaxHistory)
        {
            errors.Add($"{at}:HistorySize: {watch.HistorySize} must be between 1 and {MaxHistory}");
        }
    }
}
