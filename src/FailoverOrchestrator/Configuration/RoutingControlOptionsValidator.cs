using System.Text.RegularExpressions;

namespace FailoverOrchestrator.Configuration;

/// <summary>Checks the routing-control settings of an app whose DNS strategy is RoutingControl.</summary>
internal static partial class RoutingControlOptionsValidator
{
    /// <summary>A cluster always has five regional endpoints, of which ARC keeps at least three available.</summary>
    public const int ClusterEndpointCount = 5;

    public static void Validate(List<string> errors, string at, AppOptions app)
    {
        if (app.Dns.Strategy != DnsStrategy.RoutingControl)
        {
            return;
        }

        var options = app.RoutingControl;
        var endpoints = options.ClusterEndpoints;
        if (endpoints.Count != ClusterEndpointCount)
        {
            errors.Add($"{at}:RoutingControl:ClusterEndpoints: list all {ClusterEndpointCount} endpoints of the cluster (aws route53-recovery-control-config describe-cluster); {endpoints.Count} given, and any two may be unavailable at a time");
        }

        for (var i = 0; i < endpoints.Count; i++)
        {
            var endpoint = endpoints[i];
            if (!Uri.TryCreate(endpoint.Endpoint, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                errors.Add($"{at}:RoutingControl:ClusterEndpoints:{i}:Endpoint: '{endpoint.Endpoint}' is not an absolute https URL");
            }

            if (AwsRegions.Problem(endpoint.Region) is { } problem)
            {
                errors.Add($"{at}:RoutingControl:ClusterEndpoints:{i}:Region: {problem}");
            }
        }

        if (endpoints.GroupBy(e => e.Region, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            errors.Add($"{at}:RoutingControl:ClusterEndpoints: region {twice.Key} is listed {twice.Count()} times; a cluster has one endpoint per region");
        }

        foreach (var region in new[] { app.PrimaryRegion, app.StandbyRegion }.Where(r => !string.IsNullOrWhiteSpace(r)))
        {
            if (!options.ControlArns.TryGetValue(region, out var arn) || string.IsNullOrWhiteSpace(arn))
            {
                errors.Add($"{at}:RoutingControl:ControlArns:{region}: name the routing control whose health check sends traffic to {region}");
            }
            else if (!ControlArnPattern().IsMatch(arn))
            {
                errors.Add($"{at}:RoutingControl:ControlArns:{region}: '{arn}' is not a routing control ARN (arn:aws:route53-recovery-control::<account>:controlpanel/<id>/routingcontrol/<id>)");
            }
        }

        if (options.ControlArns.Keys.Except([app.PrimaryRegion, app.StandbyRegion], StringComparer.Ordinal).FirstOrDefault() is { } extra)
        {
            errors.Add($"{at}:RoutingControl:ControlArns:{extra}: {extra} is neither the primary nor the standby region");
        }

        if (options.ControlArns.Values.Where(v => !string.IsNullOrWhiteSpace(v)).GroupBy(v => v, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            errors.Add($"{at}:RoutingControl:ControlArns: each region needs a routing control of its own");
        }
    }

    /// <summary>
    /// The orchestrator of an app that switches on a data plane must not share the fate of the app's primary region:
    /// its function and state table (<c>Orchestrator:Region</c>, by default the function's own region) run elsewhere.
    /// </summary>
    public static void ValidateHome(List<string> errors, OrchestratorOptions options)
    {
        foreach (var (name, app) in options.Apps)
        {
            if (app.Dns.Strategy == DnsStrategy.RoutingControl && !string.IsNullOrWhiteSpace(options.Region) && options.Region == app.PrimaryRegion)
            {
                errors.Add($"Orchestrator:Region: the state table (and the function beside it) is in {options.Region}, the primary region of app '{name}', whose traffic switch is RoutingControl so that it needs nothing in the primary region: an outage there would take the orchestrator down with the app. Deploy the function and its tables in the standby region ({app.StandbyRegion}) or a third region");
            }
        }
    }

    [GeneratedRegex(@"^arn:aws:route53-recovery-control::\d{12}:controlpanel/[0-9a-zA-Z]+/routingcontrol/[0-9a-zA-Z]+$")]
    private static partial Regex ControlArnPattern();
}
