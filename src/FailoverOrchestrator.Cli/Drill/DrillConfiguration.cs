namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// The drill runs the sample configuration shipped with the CLI, with waits sized for a laptop: LocalCloud propagates
/// a change in 1.5 s and starts 4 tasks a second after the simulated task start, which the clock jumps over.
/// </summary>
internal static class DrillConfiguration
{
    /// <summary>How long a write to a global table takes to reach the other region's replica (DynamoDB: usually under a second).</summary>
    public static readonly TimeSpan ReplicationDelay = TimeSpan.FromMilliseconds(250);

    public static string File => Path.Combine(AppContext.BaseDirectory, "samples", "orchestrator.json");

    public static readonly IReadOnlyList<KeyValuePair<string, string?>> Overrides =
    [
        new("Orchestrator:Region", "us-east-1"),
        new("Orchestrator:Apps:shop:EcsWaitSeconds", "30"),
        new("Orchestrator:Apps:shop:HealthWaitSeconds", "45"),
        new("Orchestrator:Apps:shop:DnsWaitSeconds", "30"),

        // Longer than the simulated task start and health waits the clock jumps over while a duplicate waits out the lease.
        new("Orchestrator:Apps:shop:LeaseSeconds", "170"),
    ];
}
