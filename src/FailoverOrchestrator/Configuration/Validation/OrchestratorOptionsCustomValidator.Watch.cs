namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>The scheduled watch's endpoints, and its probes against the function's timeout.</summary>
internal sealed partial class OrchestratorOptionsCustomValidator
{
    private static void ValidateWatch(List<string> errors, string at, WatchOptions watch, Timeout timeout)
    {
        for (var i = 0; i < watch.HealthEndpoints.Count; i++)
        {
            var url = watch.HealthEndpoints[i];
            if (!IsHttpUrl(url, out var uri) || uri!.UserInfo.Length > 0)
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

        // Every probe runs at once; the run must leave the invocation time for the state, the audit and a page.
        if (watch.ProbeTimeoutSeconds >= 1 && watch.ProbeTimeoutSeconds + InvocationBudget.ReservedSeconds > timeout.Seconds)
        {
            errors.Add($"{at}:ProbeTimeoutSeconds: {watch.ProbeTimeoutSeconds} s, plus {InvocationBudget.Explained}, " +
                $"does not fit in {timeout}");
        }
    }
}
