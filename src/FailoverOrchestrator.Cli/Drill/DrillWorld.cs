using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.Lambda;
using FailoverOrchestrator.LocalCloud.World;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// The world of one drill, started and provisioned: dynalite per region and LocalCloud on loopback, on the drill's
/// clock, and the function's configuration file (the drill's, with the scenario's overrides and the world's addresses).
/// </summary>
internal sealed record DrillWorld(LocalWorld World, string Directory, string ConfigFile, OrchestratorOptions Options)
{
    public static async Task<DrillWorld> StartAsync(
        DrillProgress progress, IReadOnlyList<KeyValuePair<string, string?>> overrides, JumpingClock clock, SkippedWaits skipped,
        CancellationToken cancellationToken)
    {
        progress.Say("starting dynalite (DynamoDB) and LocalCloud (Route 53, ECS, SNS) on 127.0.0.1 ...");
        var regions = DrillConfiguration.Regions(overrides);

        // A dynalite per region behind one endpoint: the global tables replicate between them after ReplicationDelay.
        var world = await LocalWorld.StartReplicatedAsync(
            CloudOptions(progress, clock, skipped), regions, DrillConfiguration.ReplicationDelay, cancellationToken);
        var directory = System.IO.Directory.CreateTempSubdirectory("fo-drill-").FullName;
        try
        {
            progress.Say($"dynalite per region ({string.Join(", ", regions)}) behind {world.Router!.Endpoint}, global tables replicating"
                + $" after {DrillConfiguration.ReplicationDelay.TotalMilliseconds:0} ms; LocalCloud at {world.Cloud.Endpoint}");
            var configFile = ConfigurationFile.Write(
                DrillConfiguration.File,
                DrillConfiguration.Overrides
                    .Concat(DrillConfiguration.ClusterEndpoints(world))
                    .Concat(DrillConfiguration.HealthEndpoints(world))
                    .Concat(overrides),
                Path.Combine(directory, "orchestrator.json"));
            var options = OrchestratorConfiguration.Load(configFile);
            await ProvisionAsync(world, options, progress, cancellationToken);
            return new DrillWorld(world, directory, configFile, options);
        }
        catch
        {
            await world.DisposeAsync();
            System.IO.Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// The world runs on the drill's clock. ECS tasks take a minute to start and Route 53 calls the endpoint healthy only
    /// after FailureThreshold passing requests: when the function polls for either, the clock jumps to it (and the jump is
    /// reported as simulated) instead of the drill waiting minutes. The function's own processes run on real time, so a
    /// jump does not use up their wait budgets (EcsWaitSeconds, HealthWaitSeconds).
    /// </summary>
    private static LocalCloudOptions CloudOptions(DrillProgress progress, JumpingClock clock, SkippedWaits skipped)
    {
        var timings = new DrillTimings();
        return new LocalCloudOptions
        {
            TimeProvider = clock,
            ChangePropagationDelay = TimeSpan.FromSeconds(1.5),
            EcsTasksPerSecond = 4,
            EcsTaskStartTime = timings.TaskStart,
            HealthCheckHealthyAfter = timings.Detection,
            SkipAhead = (by, why) =>
            {
                skipped.Jump(by, why);
                progress.Say($"  the drill's clock jumps {by.TotalSeconds:0} s: {why}");
            },
            AccountId = "111122223333",
        };
    }

    private static async Task ProvisionAsync(
        LocalWorld world, OrchestratorOptions options, DrillProgress progress, CancellationToken cancellationToken)
    {
        await world.ProvisionAsync(options, cancellationToken);
        var app = options.Apps.Values.Single();
        await DrillHeartbeats.WriteAsync(world, app, TimeProvider.System, cancellationToken);
        progress.Say($"provisioned app '{app.Name}': {app.Dns.RecordName} -> {app.Regions[app.PrimaryRegion].TargetDnsName} " +
            $"({app.PrimaryRegion}), " +
            $"{app.StandbyRegion} at standby counts, tables {options.StateTable}, {options.AuditTable}, {app.WriterControl.TableName}");
    }

    /// <summary>Stops the world and removes the configuration file's folder.</summary>
    public async ValueTask DisposeAsync()
    {
        await World.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
