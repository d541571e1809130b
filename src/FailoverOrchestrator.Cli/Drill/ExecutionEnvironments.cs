using System.Diagnostics;
using FailoverOrchestrator.LocalCloud.Lambda;
using FailoverOrchestrator.Runtime;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// The drill's execution environments: the function as separate processes started as its runtime starts them, each
/// behind its own Runtime API. Each process gets its environment explicitly (the world's endpoints and credentials,
/// the configuration file); nothing is set in the drill's own process.
/// </summary>
internal sealed class ExecutionEnvironments(DrillWorld world, FunctionBuild function, DrillProgress progress) : IAsyncDisposable
{
    /// <summary>How long a cold start may take before the drill gives up on the environment.</summary>
    private static readonly TimeSpan ColdStartLimit = TimeSpan.FromSeconds(60);

    private readonly List<FunctionProcess> _warm = [];

    /// <summary>The variables the function's processes start with: the world's, the configuration file, no instance metadata.</summary>
    public IReadOnlyDictionary<string, string> Variables => new Dictionary<string, string>(world.World.Environment, StringComparer.Ordinal)
    {
        [LambdaRuntimeHost.ConfigFileVariable] = world.ConfigFile,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    /// <summary>The first <paramref name="count"/> warm environments, started now where fewer are running.</summary>
    public async Task<IReadOnlyList<FunctionProcess>> WarmAsync(int count)
    {
        while (_warm.Count < count)
        {
            _warm.AddRange(await Task.WhenAll(Enumerable.Range(0, count - _warm.Count).Select(_ => StartAsync(null))));
        }

        return _warm.Take(count).ToList();
    }

    /// <summary>The highest peak resident memory (VmHWM) of the warm environments, in MB; null when none can be read.</summary>
    public double? PeakMemoryMb() =>
        _warm.Select(e => e.PeakResidentBytes()).Max() is { } bytes ? Math.Round(bytes / 1024.0 / 1024.0, 1) : null;

    /// <summary>
    /// Starts one environment, not kept warm, and waits for its cold start to end (its first GET …/next), so no
    /// invocation's time includes it; <paramref name="watch"/> sees each of its stdout lines.
    /// </summary>
    public async Task<FunctionProcess> StartAsync(Action<string>? watch)
    {
        var options = world.Options;
        var environment = FunctionProcess.Start(
            new FunctionProcessOptions
            {
                TaskRoot = function.TaskRoot,
                Runtime = function.Runtime,
                Region = options.Region!,
                AccountId = options.Apps.Values.Single().AccountId,
                Environment = Variables,
            },
            line =>
            {
                watch?.Invoke(line);
                if (FunctionLogLines.Progress(line) is { } message)
                {
                    progress.Say("    " + message);
                }
            });
        await ColdStartAsync(environment);
        var coldStart = environment.TimeToFirstNext!.Value.TotalMilliseconds;
        progress.Say($"execution environment started ({function.StartLine}): first GET /next after {coldStart:0} ms");
        return environment;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var environment in _warm)
        {
            await environment.DisposeAsync();
        }
    }

    private static async Task ColdStartAsync(FunctionProcess environment)
    {
        var started = Stopwatch.GetTimestamp();
        while (environment.TimeToFirstNext is null)
        {
            if (environment.Exited.IsCompleted || Stopwatch.GetElapsedTime(started) > ColdStartLimit)
            {
                var output = string.Join('\n', environment.StandardOutput.Concat(environment.StandardError));
                await environment.DisposeAsync();
                throw new InvalidOperationException($"the function process did not reach the Runtime API:\n{output}");
            }

            await Task.Delay(10);
        }
    }
}
