using System.Text.RegularExpressions;

namespace FailoverOrchestrator.Configuration;

/// <summary>Checks one region's settings.</summary>
internal static partial class RegionOptionsValidator
{
    public static void Validate(List<string> errors, string at, RegionOptions region, string recordType)
    {
        if (string.IsNullOrWhiteSpace(region.HealthCheckId))
        {
            errors.Add($"{at}:HealthCheckId: required");
        }
        else if (!HealthCheckIdPattern().IsMatch(region.HealthCheckId))
        {
            errors.Add($"{at}:HealthCheckId: '{region.HealthCheckId}' is not a Route 53 health check id (a UUID such as 0d5e2b3c-4f1a-4c8e-9b7d-1a2b3c4d5e6f)");
        }
        OrchestratorOptionsValidator.Require(errors, $"{at}:TargetDnsName", region.TargetDnsName);
        if (recordType is "A" or "AAAA" && string.IsNullOrWhiteSpace(region.TargetHostedZoneId))
        {
            errors.Add($"{at}:TargetHostedZoneId: an alias record needs the load balancer's canonical hosted zone id");
        }

        if (recordType == "CNAME" && !string.IsNullOrWhiteSpace(region.TargetHostedZoneId))
        {
            errors.Add($"{at}:TargetHostedZoneId: a CNAME has no alias target; remove it");
        }

        if (region.Services.Count == 0)
        {
            errors.Add($"{at}:Services: no ECS service is configured");
        }

        for (var i = 0; i < region.Services.Count; i++)
        {
            var s = region.Services[i];
            OrchestratorOptionsValidator.Require(errors, $"{at}:Services:{i}:Cluster", s.Cluster);
            OrchestratorOptionsValidator.Require(errors, $"{at}:Services:{i}:Service", s.Service);
            if (s.ActiveDesiredCount < 1)
            {
                errors.Add($"{at}:Services:{i}:ActiveDesiredCount: {s.ActiveDesiredCount} cannot serve traffic; it must be at least 1");
            }

            if (s.StandbyDesiredCount < 0 || s.StandbyDesiredCount > s.ActiveDesiredCount)
            {
                errors.Add($"{at}:Services:{i}:StandbyDesiredCount: {s.StandbyDesiredCount} must be between 0 and ActiveDesiredCount ({s.ActiveDesiredCount})");
            }
        }

        if (region.GlobalTables.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add($"{at}:GlobalTables: an entry is empty");
        }
    }

    [GeneratedRegex("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex HealthCheckIdPattern();
}
