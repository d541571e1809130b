using System.Collections.Concurrent;
using System.Diagnostics;

namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>
/// One execution environment: the published function started as a separate process exactly as its Lambda runtime
/// starts it (working directory the task root, a clean environment with Lambda's variables), behind its own
/// <see cref="RuntimeApiServer"/>. Its stdout (the JSON log lines) and stderr are collected line by line.
/// </summary>
internal sealed class FunctionProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _stdout = new();
    private readonly ConcurrentQueue<string> _stderr = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly object _gate = new();
    private Task? _disposal;

    private FunctionProcess(Process process, RuntimeApiServer api, long startedTimestamp, Action<string>? onLogLine)
    {
        _process = process;
        Api = api;
        StartedTimestamp = startedTimestamp;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                _stdout.Enqueue(line);
                onLogLine?.Invoke(line);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { } line)
            {
                _stderr.Enqueue(line);
            }
        };
        process.Exited += (_, _) =>
        {
            // The exit code is read once the output is drained, so an init error's last lines are kept.
            process.WaitForExit();
            api.EnvironmentExited(process.ExitCode);
            _exited.TrySetResult(process.ExitCode);
        };
    }

    public RuntimeApiServer Api { get; }

    /// <summary>The <see cref="Stopwatch"/> timestamp just before the process was started.</summary>
    public long StartedTimestamp { get; }

    /// <summary>Completes with the exit code when the process ends.</summary>
    public Task<int> Exited => _exited.Task;

    public IReadOnlyList<string> StandardOutput => [.. _stdout];

    public IReadOnlyList<string> StandardError => [.. _stderr];

    /// <summary>Starts the function; <paramref name="onLogLine"/> sees each stdout line as it is written.</summary>
    public static FunctionProcess Start(FunctionProcessOptions options, Action<string>? onLogLine = null)
    {
        var api = RuntimeApiServer.Start(options.FunctionArn, options.Time);
        var start = options.Runtime == LambdaRuntimeKind.Managed
            ? new ProcessStartInfo(DotnetHost.Path(), ["exec", Path.Combine(options.TaskRoot, options.Handler + ".dll")])
            : new ProcessStartInfo(Path.Combine(options.TaskRoot, "bootstrap"));
        start.WorkingDirectory = options.TaskRoot;
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = false;

        // Lambda starts the runtime with its own variables only; nothing of the caller's environment leaks in.
        start.Environment.Clear();
        foreach (var (name, value) in LambdaEnvironment.For(options, api.Address))
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var started = Stopwatch.GetTimestamp();
        FunctionProcess function;
        try
        {
            function = new FunctionProcess(process, api, started, onLogLine);
            process.Start();
        }
        catch
        {
            process.Dispose();
            _ = api.DisposeAsync().AsTask();
            throw;
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return function;
    }

    public Task<InvocationResult> InvokeAsync(byte[] payload, TimeSpan timeout, string? traceId = null,
        CancellationToken cancellationToken = default) =>
        Api.InvokeAsync(payload, timeout, traceId, cancellationToken);

    /// <summary>How long the process took from its start to its first <c>GET …/next</c>, once it asked.</summary>
    public TimeSpan? TimeToFirstNext => Api.FirstNextTimestamp == 0 ? null : Stopwatch.GetElapsedTime(StartedTimestamp,
        Api.FirstNextTimestamp);

    /// <summary>
    /// The process's peak resident memory so far (VmHWM in <c>/proc/&lt;pid&gt;/status</c>, what Lambda's "Max Memory
    /// Used" reports), or null once it has ended or where /proc is not there.
    /// </summary>
    public long? PeakResidentBytes()
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0],
                        System.Globalization.CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Ended, or not Linux.
        }

        return null;
    }

    /// <summary>
    /// Stops the environment, once however often it is asked: the process is killed (Lambda freezes, then reclaims it) and the Runtime
    /// API closes.
    /// </summary>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            _disposal ??= StopAsync();
        }

        return new ValueTask(_disposal);
    }

    private async Task StopAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It ended on its own meanwhile.
        }

        await _exited.Task.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { }, TaskScheduler.Default);
        await Api.DisposeAsync();
        _process.Dispose();
    }
}
