using System.Text.RegularExpressions;

namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>The routing controls of an app whose DNS strategy is RoutingControl (other apps may leave them incomplete).</summary>
internal sealed partial class OrchestratorOptionsCustomValidator
{
    /// <summary>A cluster always has five regional endpoints, of which ARC keeps at least three available.</summary>
    public const int ClusterEndpointCount = 5;

    private static void ValidateRoutingControl(List<string> errors, string at, AppOptions app)
    {
        if (app.Dns.Strategy != DnsStrategy.RoutingControl)
        {
            return;
        }

        at = $"{at}:RoutingControl";
        ValidateClusterEndpoints(errors, $"{at}:ClusterEndpoints", app.RoutingControl.ClusterEndpoints);
        var controls = app.RoutingControl.ControlArns;
        foreach (var region in new[] { app.PrimaryRegion, app.StandbyRegion }.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            if (!controls.TryGetValue(region, out var arn) || string.IsNullOrWhiteSpace(arn))
            {
                errors.Add($"{at}:ControlArns:{region}: name the routing control whose health check sends traffic to {region}");
            }
            else if (!ControlArnPattern().IsMatch(arn))
            {
                errors.Add($"{at}:ControlArns:{region}: '{arn}' is not a routing control ARN " +
                    "(arn:aws:route53-recovery-control::<account>:controlpanel/<id>/routingcontrol/<id>)");
            }
        }

        if (controls.Keys.Except([app.PrimaryRegion, app.StandbyRegion], StringComparer.Ordinal).FirstOrDefault() is { } extra)
        {
            errors.Add($"{at}:ControlArns:{extra}: {extra} is neither the primary nor the standby region");
        }

        if (controls.Values.Where(v => !string.IsNullOrWhiteSpace(v)).GroupBy(v => v, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            errors.Add($"{at}:ControlArns: each region needs a routing control of its own");
        }
    }

    private static void ValidateClusterEndpoints(List<string> errors, string at, List<ClusterEndpointOptions> endpoints)
    {
        if (endpoints.Count != ClusterEndpointCount)
        {
            errors.Add($"{at}: list all {ClusterEndpointCount} endpoints of the cluster (aws route53-recovery-control-config " +
                $"describe-cluster); {endpoints.Count} given, and any two may be unavailable at a time");
        }

        for (var i = 0; i < endpoints.Count; i++)
        {
            if (!IsHttpUrl(endpoints[i].Endpoint, out _))
            {
                errors.Add($"{at}:{i}:Endpoint: '{endpoints[i].Endpoint}' is not an absolute https URL");
            }

            if (AwsRegions.Problem(endpoints[i].Region) is { } problem)
            {
                errors.Add($"{at}:{i}:Region: {problem}");
            }
        }

        if (endpoints.GroupBy(e => e.Region, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add($"{at}: region {twice.Key} is listed {twice.Count()} times; a cluster has one endpoint per region");
        }
    }

    private static bool IsHttpUrl(string? text, out Uri? uri) =>
        Uri.TryCreate(text, UriKind.Absolute, out uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    [GeneratedRegex(@"^arn:aws:route53-recovery-control::\d{12}:controlpanel/[0-9a-zA-Z]+/routingcontrol/[0-9a-zA-Z]+$")]
    private static partial Regex ControlArnPattern();
}
