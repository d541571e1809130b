using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.LocalCloud.Route53;

namespace FailoverOrchestrator.LocalCloud.World;

/// <summary>
/// What LocalCloud holds for an app, built from its configuration: the record pointing at the primary's load balancer,
/// each region's health check tied to its tasks, its ECS services (active counts in the primary, standby counts in the
/// standby), its routing controls, the DNS data plane's names and its SNS topic.
/// </summary>
internal static class AppProvisioner
{
    public static void Provision(LocalCloudServer cloud, AppOptions app, string zoneId)
    {
        if (!DnsProvisioner.SwitchesByRoutingControl(app))
        {
            cloud.Route53.PutRecord(zoneId, PrimaryRecord(app));
        }

        foreach (var (region, settings) in app.Regions)
        {
            ProvisionRegion(cloud, app, region, settings);
        }

        RoutingControlProvisioner.Provision(cloud.Cluster, app);
        DnsProvisioner.Provision(cloud, app, zoneId);
        var arn = app.TopicArn.Split(':');
        cloud.Sns.AddTopic(arn[3], arn[5]);
    }

    private static RecordSet PrimaryRecord(AppOptions app)
    {
        var primary = app.Regions[app.PrimaryRegion];
        return app.Dns.RecordType == "CNAME"
            ? RecordSet.Plain(app.Dns.RecordName, "CNAME", app.Dns.Ttl ?? 60, primary.TargetDnsName)
            : RecordSet.Alias(app.Dns.RecordName, app.Dns.RecordType, primary.TargetHostedZoneId!, primary.TargetDnsName,
                primary.EvaluateTargetHealth);
    }

    private static void ProvisionRegion(LocalCloudServer cloud, AppOptions app, string region, RegionOptions settings)
    {
        cloud.Route53.AddHealthCheck(healthy: true, id: settings.HealthCheckId);
        foreach (var cluster in settings.Services.Select(s => s.Cluster).Distinct(StringComparer.Ordinal))
        {
            cloud.Ecs.AddCluster(region, cluster);
        }

        foreach (var service in settings.Services)
        {
            var count = region == app.PrimaryRegion ? service.ActiveDesiredCount : service.StandbyDesiredCount;
            cloud.Ecs.AddService(region, service.Cluster, service.Service, count, count);
        }

        // The endpoint is healthy only while its tasks run: a pilot light at zero tasks is unhealthy until scaled up.
        var behind = settings.Services.Select(s => (s.Cluster, s.Service)).ToList();
        cloud.Route53.LinkHealthCheck(settings.HealthCheckId, () => cloud.Ecs.ServingSince(region, behind));
    }
}
