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
    public static async Task<int> RunAsync(CliArguments options)
    {
        var names = (options.Scenario ?? "region-outage").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => n != "all" && DrillScenario.All.All(s => s.Name != n)).ToList();
        if (unknown.Count > 0 || names.Length == 0)
        {
            await Console.Error.WriteLineAsync($"error: unknown scenario '{string.Join(",", unknown)}'; scenarios: {string.Join(", ", DrillScenario.All.Select(s => s.Name))}, all (several separated by commas)");
            return 2;
        }

        var scenarios = names.SelectMany(n => n == "all" ? DrillScenario.All : DrillScenario.All.Where(s => s.Name == n)).ToList();

        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            interrupted.Cancel();
        };

        var progress = new DrillProgress(options.Json ? Console.Error : Console.Out);
        var results = new List<ScenarioResult>();
        try
        {
            var function = await FunctionBuild.ResolveAsync(options, options.Json ? Console.Error : Console.Out, interrupted.Token);
            if (function is null)
            {
                return 2;
            }

            foreach (var scenario in scenarios)
            {
                progress.Say($"scenario {scenario.Name}: {scenario.Description}");
                await using var session = await DrillSession.StartAsync(progress, interrupted.Token, scenario.Overrides, function);
                var result = await scenario.RunAsync(session, interrupted.Token);
                results.Add(result);
                if (!options.Json)
                {
                    var app = session.App;
                    Console.Out.Write(DrillTextReport.Render(result, $"Drill {scenario.Name} · app {app.Name} · primary {app.PrimaryRegion}, standby {app.StandbyRegion} · {scenario.Description}"));
                }
            }
        }
        catch (OperationCanceledException) when (interrupted.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("drill interrupted: the local world was stopped");
            return 130;
        }

        using var process = Process.GetCurrentProcess();
        var peakMb = process.PeakWorkingSet64 / 1024.0 / 1024.0;
        if (options.Json)
        {
            Console.Out.WriteLine(DrillJsonReport.Write(results, peakMb, progress.Elapsed.TotalSeconds));
        }
        else
        {
            Console.Out.WriteLine($"  drill finished in {progress.Elapsed.TotalSeconds:0.0} s (real time), peak working set {peakMb:0} MB; {results.Count(r => r.Passed)} of {results.Count} scenario(s) passed.");
        }

        return results.All(r => r.Passed) ? 0 : 1;
    }
}
