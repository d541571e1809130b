using System.CommandLine;
using System.Diagnostics;
using FailoverOrchestrator.Cli.Drill;
using FailoverOrchestrator.Cli.Drill.Scenarios;

namespace FailoverOrchestrator.Cli;

/// <summary>
/// <c>drill [--scenario NAME|all] [--runtime managed|bootstrap|aot] [--task-root DIR] [--json]</c>: each scenario gets
/// a fresh world (dynalite and LocalCloud on loopback), runs the chosen build of the function against it as separate
/// processes behind the Runtime API stand-in, and verifies the end state. Exit 0 when every scenario passed, 1 when one failed,
/// 2 on a usage error, 130 when interrupted. The world is torn down in every case, Ctrl+C included.
/// </summary>
internal static class DrillCommand
{
    public const int Interrupted = 130;

    public static Command Create()
    {
        var scenario = CliOptions.Scenario();
        var runtime = CliOptions.Runtime();
        var taskRoot = CliOptions.TaskRoot();
        var json = CliOptions.Json();
        var command = new Command(
            "drill",
            "Start local DynamoDB (dynalite) and LocalCloud, provision a two-region app, take the primary down and run the"
            + " failover end to end. Exit 0 when every scenario passed, 1 when one failed, 2 on a usage error, 130 when interrupted.")
        {
            scenario, runtime, taskRoot, json,
        };
        CliCommands.SetAction(
            command,
            parsed => new CliArguments
            {
                Scenario = parsed.GetValue(scenario),
                Runtime = parsed.GetValue(runtime),
                TaskRoot = parsed.GetValue(taskRoot),
                Json = parsed.GetValue(json),
            },
            RunAsync);
        return command;
    }

    public static async Task<int> RunAsync(CliArguments options, TextWriter output, TextWriter error)
    {
        var scenarios = CliOptions.ScenarioNames(options.Scenario ?? CliOptions.DefaultScenario)
            .SelectMany(n => n == "all" ? DrillScenario.All : DrillScenario.All.Where(s => s.Name == n)).ToList();

        using var interrupted = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            var progressOut = options.Json ? error : output;
            var progress = new DrillProgress(progressOut);
            if (await FunctionBuild.ResolveAsync(options, progressOut, error, interrupted.Token) is not { } function)
            {
                return CliCommands.UsageError;
            }

            var results = await RunScenariosAsync(scenarios, function, progress, options.Json ? null : output, interrupted.Token);
            await ReportAsync(results, progress, options.Json, output);
            return results.All(r => r.Passed) ? 0 : 1;
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            await error.WriteLineAsync("drill interrupted: the local world was stopped");
            return Interrupted;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Each scenario in a fresh world, its text report written as it ends unless <paramref name="report"/> is null.</summary>
    private static async Task<List<ScenarioResult>> RunScenariosAsync(
        IReadOnlyList<DrillScenario> scenarios,
        FunctionBuild function,
        DrillProgress progress,
        TextWriter? report,
        CancellationToken cancellationToken)
    {
        var results = new List<ScenarioResult>();
        foreach (var scenario in scenarios)
        {
            progress.Say($"scenario {scenario.Name}: {scenario.Description}");
            await using var session = await DrillSession.StartAsync(progress, cancellationToken, scenario.Overrides, function);
            var result = await scenario.RunAsync(session, cancellationToken);
            results.Add(result);
            if (report is not null)
            {
                var app = session.App;
                var title = $"Drill {scenario.Name} · app {app.Name} · primary {app.PrimaryRegion}, standby {app.StandbyRegion}"
                    + $" · {scenario.Description}";
                await report.WriteAsync(DrillTextReport.Render(result, title));
            }
        }

        return results;
    }

    private static async Task ReportAsync(List<ScenarioResult> results, DrillProgress progress, bool json, TextWriter output)
    {
        using var process = Process.GetCurrentProcess();
        var peakMb = process.PeakWorkingSet64 / 1024.0 / 1024.0;
        await output.WriteLineAsync(json
            ? DrillJsonReport.Write(results, peakMb, progress.Elapsed.TotalSeconds)
            : $"  drill finished in {progress.Elapsed.TotalSeconds:0.0} s (real time), peak working set {peakMb:0} MB; "
                + $"{results.Count(r => r.Passed)} of {results.Count} scenario(s) passed.");
    }
}
