using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.LocalCloud.RecoveryCluster;

namespace FailoverOrchestrator.LocalCloud.World;

/// <summary>
/// Builds an app's routing controls in the local cluster as the template builds them in ARC: the primary's On, the
/// standby's Off, and an assertion rule that at least one of the two is always On.
/// </summary>
internal static class RoutingControlProvisioner
{
    public static void Provision(LocalCluster cluster, AppOptions app)
    {
        var arns = app.RoutingControl.ControlArns;
        if (!arns.TryGetValue(app.PrimaryRegion, out var primary) || !arns.TryGetValue(app.StandbyRegion, out var standby))
        {
            return;
        }

        cluster.Controls.AddControl(primary, $"{app.Name}-{app.PrimaryRegion}", on: true);
        cluster.Controls.AddControl(standby, $"{app.Name}-{app.StandbyRegion}", on: false);
        var panel = primary[..primary.IndexOf("/routingcontrol/", StringComparison.Ordinal)];
        cluster.Controls.AddAssertionRule(
            new AssertionRule($"{panel}/safetyrule/{app.Name}atleastone", $"{app.Name}-at-least-one-region", [primary, standby], 1));
    }
}
