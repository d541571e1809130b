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
            ? new ProcessStartInfo(DotnetHost(), ["exec", Path.Combine(options.TaskRoot, options.Handler + ".dll")])
            : new ProcessStartInfo(Path.Combine(options.TaskRoot, "bootstrap"));
        start.WorkingDirectory = options.TaskRoot;
        start.UseShellExecute = false;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.RedirectStandardInput = false;

        // Lambda starts the runtime with its own variables only; nothing of the caller's environment leaks in.
        var env = start.Environment;
        env.Clear();
        foreach (var (name, value) in options.Environment)
        {
            env[name] = value;
        }

        env["PATH"] = Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        env["LANG"] = "en_US.UTF-8";
        env["TZ"] = ":UTC";
        env["LAMBDA_TASK_ROOT"] = options.TaskRoot;
        env["_HANDLER"] = options.Handler;
        env["AWS_LAMBDA_RUNTIME_API"] = api.Address;
        env["AWS_LAMBDA_FUNCTION_NAME"] = options.FunctionName;
        env["AWS_LAMBDA_FUNCTION_VERSION"] = options.Version;
        env["AWS_LAMBDA_FUNCTION_MEMORY_SIZE"] = options.MemorySizeMb.ToString(System.Globalization.CultureInfo.InvariantCulture);
        env["AWS_LAMBDA_LOG_GROUP_NAME"] = "/aws/lambda/" + options.FunctionName;
        env["AWS_LAMBDA_LOG_STREAM_NAME"] = $"{options.Time.GetUtcNow():yyyy/MM/dd}/[{options.Version}]{Guid.NewGuid():N}";
        env["AWS_LAMBDA_INITIALIZATION_TYPE"] = "on-demand";
        env["AWS_REGION"] = options.Region;
        env["AWS_DEFAULT_REGION"] = options.Region;
        if (!options.Environment.ContainsKey("AWS_ACCESS_KEY_ID"))
        {
            // The execution role's temporary credentials, as Lambda sets them.
            env["AWS_ACCESS_KEY_ID"] = "ASIALOCALFUNCTION000";
            env["AWS_SECRET_ACCESS_KEY"] = "local-function-secret-key";
            env["AWS_SESSION_TOKEN"] = "local-function-session-token";
        }
        if (options.Runtime == LambdaRuntimeKind.Managed)
        {
            // What the managed runtime's bootstrap.net8.sh exports before `exec dotnet exec`.
            env["DOTNET_ROOT"] = Path.GetDirectoryName(DotnetHost())!;
            env["AWS_EXECUTION_ENV"] = "AWS_Lambda_dotnet8";
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
    public TimeSpan? TimeToFirstNext => Api.FirstNextTimestamp == 0
        ? null : Stopwatch.GetElapsedTime(StartedTimestamp, Api.FirstNextTimestamp);

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

    /// <summary>Stops the environment, once however often it is asked: the process is killed (Lambda freezes, then reclaims it) and the
    /// Runtime API closes.</summary>
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

    /// <summary>The dotnet host running this process (the SDK's `dotnet test`/`dotnet run` set DOTNET_HOST_PATH), else the one on
    /// PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator,
            StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, "dotnet");
            if (File.Exists(candidate))
            {
                return new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
            }
        }

        throw new FileNotFoundException(
            "the dotnet host was not found on PATH; the managed runtime starts the function with `dotnet exec`");
    }
}
