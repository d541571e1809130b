using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.LocalCloud.Route53;

namespace FailoverOrchestrator.LocalCloud.World;

/// <summary>
/// What Route 53's DNS data plane needs to answer for an app as the templates build it: each region's load balancer
/// name (addresses from the documentation ranges; healthy while the region's tasks serve); for RoutingControl, the app's
/// record as the PRIMARY/SECONDARY failover pair on RECOVERY_CONTROL health checks (infra/routing-control.yaml); and the
/// watch's health record (infra/watch-health-record.yaml): PRIMARY with the primary's health check, SECONDARY with none.
/// </summary>
internal static class DnsProvisioner
{
    /// <summary>Whether the app's record is the routing controls' failover pair rather than one record the DNS step changes.</summary>
    public static bool SwitchesByRoutingControl(AppOptions app) =>
        app.Dns.Strategy == DnsStrategy.RoutingControl
        && app.RoutingControl.ControlArns.ContainsKey(app.PrimaryRegion)
        && app.RoutingControl.ControlArns.ContainsKey(app.StandbyRegion);

    public static void Provision(LocalCloudServer cloud, AppOptions app, string zoneId)
    {
        foreach (var (region, settings) in app.Regions)
        {
            if (cloud.LoadBalancers.Find(settings.TargetDnsName) is null)
            {
                var n = cloud.LoadBalancers.Count + 1;
                var behind = settings.Services.Select(s => (s.Cluster, s.Service)).ToList();
                cloud.LoadBalancers.Register(
                    settings.TargetDnsName,
                    [$"192.0.2.{n}", $"198.51.100.{n}", $"2001:db8::{n:x}"],
                    () => cloud.Ecs.ServingSince(region, behind) is not null);
            }
        }

        if (SwitchesByRoutingControl(app))
        {
            foreach (var region in new[] { app.PrimaryRegion, app.StandbyRegion })
            {
                var checkId = $"rc-{app.Name}-{region}";
                cloud.Route53.AddRoutingControlHealthCheck(checkId, app.RoutingControl.ControlArns[region]);
                cloud.Route53.PutRecord(zoneId, FailoverRecord(app, app.Dns.RecordName, region, checkId));
            }
        }

        if (app.Watch.Dns.Enabled)
        {
            var check = app.Regions[app.PrimaryRegion].HealthCheckId;
            cloud.Route53.PutRecord(zoneId, FailoverRecord(app, app.Watch.Dns.RecordName, app.PrimaryRegion, check));
            cloud.Route53.PutRecord(zoneId, FailoverRecord(app, app.Watch.Dns.RecordName, app.StandbyRegion, null));
        }
    }

    private static RecordSet FailoverRecord(AppOptions app, string name, string region, string? healthCheckId)
    {
        var target = app.Regions[region];
        var record = app.Dns.RecordType == "CNAME"
            ? RecordSet.Plain(name, "CNAME", app.Dns.Ttl ?? 60, target.TargetDnsName)
            : RecordSet.Alias(name, app.Dns.RecordType, target.TargetHostedZoneId!, target.TargetDnsName, evaluateTargetHealth: false);
        return record with
        {
            SetIdentifier = $"{app.Name}-{region}",
            Failover = region == app.PrimaryRegion ? "PRIMARY" : "SECONDARY",
            HealthCheckId = healthCheckId,
        };
    }
}
