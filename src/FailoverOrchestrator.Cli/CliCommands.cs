using System.CommandLine;

namespace FailoverOrchestrator.Cli;

/// <summary>
/// The operator CLI: <c>invoke</c> runs the real handler on one payload; <c>drill</c> runs a failover on loopback
/// stand-ins. <c>--help</c> works on every command. Exit codes: 0 success, 1 the handler threw or a drill scenario
/// failed, 2 a usage error (the message names the option), 130 an interrupted drill.
/// </summary>
internal static class CliCommands
{
    public const int UsageError = 2;

    public static Task<int> RunAsync(string[] args) => RunAsync(args, Console.Out, Console.Error);

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        // `help` and `help drill` read as `--help` and `drill --help`, as they did before the options had a parser.
        if (args.Count > 0 && args[0] == "help")
        {
            args = [.. args.Skip(1), "--help"];
        }

        var parsed = Root().Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The errors, then the command's help, both on stderr: stdout carries only results.
            await parsed.InvokeAsync(new InvocationConfiguration { Output = error, Error = error });
            return UsageError;
        }

        // The drill handles Ctrl+C itself (it stops its world first), and an unexpected exception ends the program as before.
        return await parsed.InvokeAsync(
            new InvocationConfiguration
            {
                Output = output,
                Error = error,
                ProcessTerminationTimeout = null,
                EnableDefaultExceptionHandler = false,
            });
    }

    /// <summary>
    /// The action of <paramref name="command"/>: <paramref name="run"/> with the arguments <paramref name="read"/> takes from
    /// the parse, writing to the invocation's output and error (stderr for both when the parse failed).
    /// </summary>
    public static void SetAction(
        Command command, Func<ParseResult, CliArguments> read, Func<CliArguments, TextWriter, TextWriter, Task<int>> run) =>
        command.SetAction((parsed, _) => run(read(parsed), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));

    private static RootCommand Root() =>
        new("FailoverOrchestrator locally: run the real handler on one payload, or a failover drill on loopback stand-ins.")
        {
            InvokeCommand.Create(),
            DrillCommand.Create(),
        };
}
