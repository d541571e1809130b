namespace FailoverOrchestrator.Cli;

/// <summary>The operator CLI: <c>invoke</c> runs the real handler on one payload; <c>drill</c> runs a failover on loopback stand-ins.</summary>
internal static class CliCommands
{
    public const string Usage = """
        usage:
          dotnet run --project src/FailoverOrchestrator.Cli -- invoke --payload FILE [--config FILE] [--via-runtime [RUNTIME]]
              Runs the real handler in-process on one payload and prints its JSON result on stdout (logs on stderr).
              With --via-runtime, starts the function as its Lambda runtime does (by default the managed runtime's
              dotnet exec FailoverOrchestrator.dll) behind a local Runtime API and invokes it there; its AWS_*
              variables pass on. Exit 0 when the handler returned a result, 1 when it threw, 2 on a usage error.
          dotnet run --project src/FailoverOrchestrator.Cli -- drill [--scenario NAME[,NAME...]|all] [RUNTIME] [--json]
              Starts local DynamoDB (dynalite) and LocalCloud, provisions a two-region app, takes the primary down
              and runs the failover end to end. Scenarios: region-outage (default), duplicate-delivery, flapping,
              standby-unhealthy, crash-mid-failover, throttled, failback, pilot-light.
          RUNTIME: --runtime managed|bootstrap|aot [--task-root DIR]
              Which build the function processes run: managed (default; dotnet exec), bootstrap (provided.al2023,
              self-contained) or aot (provided.al2023, Native AOT). bootstrap and aot are published from the
              repository into artifacts/cli-lambda/ first (aot takes about a minute the first time), unless
              --task-root names a folder that already holds the published build.
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.Out.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        var options = CliArguments.Parse(args.Skip(1).ToArray());
        if (options.Error is not null)
        {
            await Console.Error.WriteLineAsync($"error: {options.Error}\n{Usage}");
            return 2;
        }

        return args[0] switch
        {
            "invoke" => await InvokeCommand.RunAsync(options),
            "drill" => await DrillCommand.RunAsync(options),
            _ => await UnknownAsync(args[0]),
        };
    }

    private static async Task<int> UnknownAsync(string command)
    {
        await Console.Error.WriteLineAsync($"error: unknown command '{command}'\n{Usage}");
        return 2;
    }
}
