using FailoverOrchestrator.LocalCloud;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>Reads the local ARC cluster back after a switch by routing controls.</summary>
internal static class RoutingControlChecks
{
    /// <summary>The region's control is On and the other's Off, so the failover records answer with that region.</summary>
    public static DrillCheck ServesFrom(DrillSession s, string region)
    {
        var other = region == s.App.PrimaryRegion ? s.App.StandbyRegion : s.App.PrimaryRegion;
        var arns = s.App.RoutingControl.ControlArns;
        var on = s.World.Cloud.Cluster.Controls.IsOn(arns[region]);
        var otherOn = s.World.Cloud.Cluster.Controls.IsOn(arns[other]);
        return new DrillCheck($"routing control of {region} On, {other} Off", on == true && otherOn == false,
            $"{region} {State(on)}, {other} {State(otherOn)}");
    }

    /// <summary>Both controls changed in one accepted transaction: traffic never went to neither region or to both.</summary>
    public static DrillCheck OneTransaction(DrillSession s)
    {
        var history = s.World.Cloud.Cluster.Controls.History();
        var ok = history.Count == 2 && history.Select(h => h.At).Distinct().Count() == 1;
        return new DrillCheck("both routing controls changed in one transaction", ok,
            $"{history.Count} change(s) at {history.Select(h => h.At).Distinct().Count()} instant(s)");
    }

    /// <summary>The update went through a cluster endpoint that was up, after the ones that were down refused.</summary>
    public static DrillCheck AnsweredByLiveEndpoint(DrillSession s, IReadOnlyList<string> down)
    {
        var updates = s.World.Cloud.Calls.Snapshot()
            .Where(c => c.Service == LocalService.RecoveryCluster && c.Operation == "UpdateRoutingControlStates").ToList();
        var accepted = updates.Where(c => c.StatusCode < 400).ToList();
        var ok = accepted.Count == 1 && !down.Contains(accepted[0].Region ?? string.Empty);
        return new DrillCheck(
            $"the cluster took the update through a live endpoint ({string.Join(", ", down)} down)",
            ok,
            $"{accepted.Count} accepted update(s), at {string.Join(", ", accepted.Select(c => c.Region))}; endpoints down: "
                + $"{string.Join(", ", s.World.Cloud.Cluster.Down())}");
    }

    private static string State(bool? on) => on switch
    {
        true => "On",
        false => "Off",
        null => "missing",
    };
}
