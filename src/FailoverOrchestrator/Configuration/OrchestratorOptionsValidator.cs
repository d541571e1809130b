namespace FailoverOrchestrator.Configuration;

/// <summary>Checks the options at cold start and names each setting that is missing or contradicts another.</summary>
internal static class OrchestratorOptionsValidator
{
    public static List<string> Validate(OrchestratorOptions options)
    {
        var errors = new List<string>();
        Require(errors, "Orchestrator:StateTable", options.StateTable);
        Require(errors, "Orchestrator:AuditTable", options.AuditTable);
        if (string.IsNullOrWhiteSpace(options.Region))
        {
            errors.Add("Orchestrator:Region: not set and AWS_REGION is not set either: name the region of the state and audit tables");
        }
        else if (AwsRegions.Problem(options.Region) is { } problem)
        {
            errors.Add($"Orchestrator:Region: {problem}");
        }

        if (options.FunctionTimeoutSeconds is < 10 or > 900)
        {
            errors.Add($"Orchestrator:FunctionTimeoutSeconds: {options.FunctionTimeoutSeconds} is outside Lambda's 10..900 seconds");
        }

        if (options.AuditRetentionDays < 0)
        {
            errors.Add($"Orchestrator:AuditRetentionDays: {options.AuditRetentionDays} is negative (0 keeps audit items forever)");
        }

        if (options.Apps.Count == 0)
        {
            errors.Add("Orchestrator:Apps: no app is configured");
        }

        var alarmOwners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, app) in options.Apps)
        {
            AppOptionsValidator.Validate(errors, $"Orchestrator:Apps:{name}", name, app, options.FunctionTimeoutSeconds);
            foreach (var alarm in app.AlarmNames)
            {
                if (alarmOwners.TryGetValue(alarm, out var other) && other != name)
                {
                    errors.Add($"Orchestrator:Apps:{name}:AlarmNames: alarm '{alarm}' is also configured for app '{other}'; an alarm must name one app");
                }

                alarmOwners[alarm] = name;
            }
        }

        RoutingControlOptionsValidator.ValidateHome(errors, options);
        return errors;
    }

    internal static void Require(List<string> errors, string path, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add($"{path}: required");
        }
    }

}
