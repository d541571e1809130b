namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>An app's two regions, their settings and their services.</summary>
internal sealed partial class OrchestratorOptionsCustomValidator
{
    private static void ValidateRegions(List<string> errors, string at, AppOptions app)
    {
        foreach (var (setting, region) in new[] { ("PrimaryRegion", app.PrimaryRegion), ("StandbyRegion", app.StandbyRegion) })
        {
            // A region that is not one is named by its own attribute; a real one must have its settings.
            if (AwsRegions.Problem(region) is null && !app.Regions.ContainsKey(region))
            {
                errors.Add($"{at}:Regions:{region}: the {setting} has no settings under Regions");
            }
        }

        if (app.PrimaryRegion == app.StandbyRegion && !string.IsNullOrEmpty(app.PrimaryRegion))
        {
            errors.Add($"{at}:StandbyRegion: '{app.StandbyRegion}' is also the PrimaryRegion; a failover needs two regions");
        }

        foreach (var (region, settings) in app.Regions)
        {
            if (region != app.PrimaryRegion && region != app.StandbyRegion)
            {
                errors.Add($"{at}:Regions:{region}: neither the PrimaryRegion nor the StandbyRegion");
                continue;
            }

            ValidateRegion(errors, $"{at}:Regions:{region}", settings, app.Dns.RecordType);
        }
    }

    private static void ValidateRegion(List<string> errors, string at, RegionOptions region, string recordType)
    {
        if (recordType is "A" or "AAAA" && string.IsNullOrWhiteSpace(region.TargetHostedZoneId))
        {
            errors.Add($"{at}:TargetHostedZoneId: an alias record needs the load balancer's canonical hosted zone id");
        }

        if (recordType == "CNAME" && !string.IsNullOrWhiteSpace(region.TargetHostedZoneId))
        {
            errors.Add($"{at}:TargetHostedZoneId: a CNAME has no alias target; remove it");
        }

        for (var i = 0; i < region.Services.Count; i++)
        {
            var service = region.Services[i];
            if (service.StandbyDesiredCount >= 0 && service.StandbyDesiredCount > service.ActiveDesiredCount)
            {
                errors.Add($"{at}:Services:{i}:StandbyDesiredCount: {service.StandbyDesiredCount} must be between 0 and " +
                    $"ActiveDesiredCount ({service.ActiveDesiredCount})");
            }
        }
    }
}
