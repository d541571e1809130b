namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// The drill runs the sample configuration shipped with the CLI, with waits sized for a laptop: LocalCloud propagates
/// a change in 1.5 s and starts 4 tasks a second, so nothing here needs the production minutes.
/// </summary>
internal static class DrillConfiguration
{
    public static string File => Path.Combine(AppContext.BaseDirectory, "samples", "orchestrator.json");

    public static readonly IReadOnlyList<KeyValuePair<string, string?>> Overrides =
    [
        new("Orchestrator:Region", "us-east-1"),
        new("Orchestrator:Apps:shop:EcsWaitSeconds", "30"),
        new("Orchestrator:Apps:shop:DnsWaitSeconds", "30"),
        new("Orchestrator:Apps:shop:LeaseSeconds", "60"),
    ];
}
