using FailoverOrchestrator.LocalCloud.GlobalTables;

namespace FailoverOrchestrator.LocalCloud.World;

/// <summary>
/// A region goes dark: every endpoint LocalCloud serves there refuses. Requests signed for it to Route 53, ECS, SNS and
/// (with a dynalite per region) DynamoDB are cut without an answer; the ports of its own close (the Route 53 API, served
/// from us-east-1; the ARC cluster endpoint and the app's health endpoint there). DNS answers as before and the other
/// regions keep working. CloudWatch and EventBridge are not served here: no alarm can come from a dark region, which a
/// scenario models by sending none.
/// </summary>
internal static class RegionBlackout
{
    /// <returns>What now refuses, one entry per endpoint.</returns>
    public static async Task<IReadOnlyList<string>> DarkenAsync(LocalCloudServer cloud, RegionalDynamoDbRouter? router, string region)
    {
        var dark = new List<string> { $"Route 53, ECS and SNS requests signed for {region}: connection cut" };
        cloud.Dark.Darken(region);
        if (router is not null)
        {
            router.Darken(region);
            dark.Add($"DynamoDB in {region}: connection cut");
        }

        if (cloud.Route53Api.Region == region)
        {
            await cloud.Route53Api.StopAsync();
            dark.Add("Route 53 API (route53.amazonaws.com): port closed");
        }

        if (RecoveryCluster.LocalCluster.Regions.Contains(region))
        {
            await cloud.Cluster.TakeDownAsync(region);
            dark.Add($"ARC cluster endpoint {region}: port closed");
        }

        if (AppHealth.AppHealthEndpoints.Regions.Contains(region))
        {
            await cloud.AppHealth.TakeDownAsync(region);
            dark.Add($"app health endpoint {region}: port closed");
        }

        return dark;
    }
}
