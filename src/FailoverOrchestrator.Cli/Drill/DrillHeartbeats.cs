using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.LocalCloud.World;
using FailoverOrchestrator.Replication;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// The heartbeat schedule's runs before the drill starts, written the way the function's heartbeat command writes them
/// (the same store) in the primary's replica of each global table. The function's clock is real time, so an earlier
/// run is written at the real instant that lies that far back.
/// </summary>
internal static class DrillHeartbeats
{
    /// <summary>One run now (or at <paramref name="time"/>'s now), replicated before it returns unless replication is paused.</summary>
    public static async Task WriteAsync(LocalWorld world, AppOptions app, TimeProvider time, CancellationToken cancellationToken,
        string? region = null)
    {
        var store = new DynamoDbHeartbeatStore(world.DynamoDbClients, time);
        foreach (var table in ReplicationLagGate.Tables(app))
        {
            await store.WriteAsync(region ?? app.PrimaryRegion, table, app.Replication.HeartbeatKey, cancellationToken);
        }

        if (world.Replicator is { Paused: false } replicator)
        {
            await replicator.DrainAsync(TimeSpan.FromSeconds(10), cancellationToken);
        }
    }

    /// <summary>A run <paramref name="ago"/> before now, on the function's (real) clock.</summary>
    public static Task WriteAgoAsync(LocalWorld world, AppOptions app, TimeSpan ago, CancellationToken cancellationToken) =>
        WriteAsync(world, app, new PastClock(ago), cancellationToken);

    private sealed class PastClock(TimeSpan ago) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() - ago;
    }
}
