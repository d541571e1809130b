namespace FailoverOrchestrator.Cli;

/// <summary>Runs a failover drill on loopback stand-ins.</summary>
internal static class DrillCommand
{
    public static async Task<int> RunAsync(CliArguments options)
    {
        await Console.Error.WriteLineAsync($"drill scenario '{options.Scenario ?? "region-outage"}' needs the local stand-ins");
        return 1;
    }
}
