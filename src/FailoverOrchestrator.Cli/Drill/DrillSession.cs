using System.Diagnostics;
using System.Text.Json;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.Lambda;
using FailoverOrchestrator.LocalCloud.World;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Runtime;
using FailoverOrchestrator.Serialization;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// One drill's world and function: dynalite and LocalCloud on loopback, provisioned from the drill's configuration,
/// and the function itself as Lambda runs it: separate processes started the way its runtime starts them (the managed
/// runtime's <c>dotnet exec FailoverOrchestrator.dll</c> by default, or provided.al2023's <c>./bootstrap</c>, JIT or
/// Native AOT), each an execution environment behind its own Runtime API, with the configuration in one file and the
/// world's endpoints in the standard <c>AWS_ENDPOINT_URL_*</c> variables.
/// </summary>
internal sealed class DrillSession : IAsyncDisposable
{
    /// <summary>Concurrent deliveries spread over this many execution environments, as Lambda scales out.</summary>
    public const int ConcurrentEnvironments = 2;

    // The handler's step and lease log events (FailoverOrchestrator.Telemetry.Log) worth showing while the drill runs.
    private static readonly HashSet<int> Shown = [6, 7, 8, 9, 10];

    private readonly List<DrillInvocation> _invocations = [];
    private readonly List<FunctionProcess> _environments = [];
    private readonly string _directory;
    private readonly string _configFile;
    private readonly List<SkippedWait> _skipped;
    private readonly HashSet<(FunctionProcess Environment, int Line)> _claimedLines = [];

    private DrillSession(
        LocalWorld world, OrchestratorOptions options, DrillProgress progress, string directory, string configFile, JumpingClock clock,
            List<SkippedWait> skipped, FunctionBuild function)
    {
        Function = function;
        Clock = clock;
        _skipped = skipped;
        World = world;
        Options = options;
        App = options.Apps.Values.Single();
        Progress = progress;
        _directory = directory;
        _configFile = configFile;
    }

    public LocalWorld World { get; }

    /// <summary>The build of the function every execution environment of this drill starts.</summary>
    public FunctionBuild Function { get; }

    public OrchestratorOptions Options { get; }

    public AppOptions App { get; }

    public DrillProgress Progress { get; }

    /// <summary>
    /// The drill's clock: real time plus the simulated minutes of detection and alarm evaluation, and of the world's
    /// waits during the orchestration (task starts, health checks turning healthy) that LocalCloud skips ahead over.
    /// </summary>
    public JumpingClock Clock { get; }

    public DrillTimings Timings { get; } = new();

    /// <summary>The waits of the world (task starts, health checks turning healthy) the clock jumped over, in order.</summary>
    public IReadOnlyList<SkippedWait> Skipped
    {
        get
        {
            lock (_skipped)
            {
                return _skipped.ToList();
            }
        }
    }

    /// <summary>When the primary went down, on the drill's clock: the zero of the timeline.</summary>
    public DateTimeOffset OutageAt { get; set; }

    public IReadOnlyList<DrillInvocation> Invocations => _invocations;

    /// <summary>
    /// Starts the world and writes the function's configuration file (the drill's, with <paramref name="overrides"/>
    /// laid over it); the environments run <paramref name="function"/>, by default the managed build beside this program.
    /// </summary>
    public static async Task<DrillSession> StartAsync(
        DrillProgress progress, CancellationToken cancellationToken, IEnumerable<KeyValuePair<string, string?>>? overrides = null,
            FunctionBuild? function = null)
    {
        progress.Say("starting dynalite (DynamoDB) and LocalCloud (Route 53, ECS, SNS) on 127.0.0.1 ...");
        // The world runs on the drill's clock. ECS tasks take a minute to start and Route 53 calls the endpoint healthy
        // only after FailureThreshold passing requests: when the function polls for either, the clock jumps to it (and
        // the jump is reported as simulated) instead of the drill waiting minutes. The function's own processes run on
        // real time, so a jump does not use up their wait budgets (EcsWaitSeconds, HealthWaitSeconds).
        var clock = new JumpingClock();
        var skipped = new List<SkippedWait>();
        var timings = new DrillTimings();
        var regions = DrillConfiguration.Regions(overrides ?? []);

        // A dynalite per region behind one endpoint: the global tables replicate between them after ReplicationDelay.
        var world = await LocalWorld.StartReplicatedAsync(
            new LocalCloudOptions
            {
                TimeProvider = clock,
                ChangePropagationDelay = TimeSpan.FromSeconds(1.5),
                EcsTasksPerSecond = 4,
                EcsTaskStartTime = timings.TaskStart,
                HealthCheckHealthyAfter = timings.Detection,
                SkipAhead = (by, why) =>
                {
                    lock (skipped)
                    {
                        skipped.Add(new SkippedWait(clock.GetUtcNow(), by, why) { RealAt = TimeProvider.System.GetUtcNow() });
                        clock.Jump(by);
                    }

                    progress.Say($"  the drill's clock jumps {by.TotalSeconds:0} s: {why}");
                },
                AccountId = "111122223333",
            },
            regions,
            DrillConfiguration.ReplicationDelay,
            cancellationToken);
        var directory = Directory.CreateTempSubdirectory("fo-drill-").FullName;
        try
        {
            progress.Say(
                $"dynalite per region ({string.Join(", ", regions)}) behind {world.Router!.Endpoint}, global tables replicating after "
                + $"{DrillConfiguration.ReplicationDelay.TotalMilliseconds:0} ms; LocalCloud at {world.Cloud.Endpoint}");
            var configFile = ConfigurationFile.Write(
                DrillConfiguration.File,
                DrillConfiguration.Overrides
                    .Concat(DrillConfiguration.ClusterEndpoints(world))
                    .Concat(DrillConfiguration.HealthEndpoints(world))
                    .Concat(overrides ?? []),
                Path.Combine(directory, "orchestrator.json"));
            var options = OrchestratorConfiguration.Load(configFile);
            await world.ProvisionAsync(options, cancellationToken);
            var app = options.Apps.Values.Single();
            await DrillHeartbeats.WriteAsync(world, app, TimeProvider.System, cancellationToken);
            progress.Say(
                $"provisioned app '{app.Name}': {app.Dns.RecordName} -> {app.Regions[app.PrimaryRegion].TargetDnsName} "
                + $"({app.PrimaryRegion}), " +
                $"{app.StandbyRegion} at standby counts, tables {options.StateTable}, {options.AuditTable}, {app.WriterControl.TableName}");
            return new DrillSession(world, options, progress, directory, configFile, clock, skipped, function
                ?? new FunctionBuild(LambdaRuntimeKind.Managed, AppContext.BaseDirectory));
        }
        catch
        {
            await world.DisposeAsync();
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>Delivers one payload to the first execution environment (started on first use and kept warm, as Lambda keeps it).</summary>
    public async Task<DrillInvocation> InvokeAsync(string label, byte[] payload)
    {
        var environment = await EnvironmentAsync(0);
        return await InvokeOnAsync(environment, label, payload);
    }

    /// <summary>
    /// Delivers the same payload several times at once, behind a gate, as duplicate alarm deliveries arrive, spread over
    /// <see cref="ConcurrentEnvironments"/> execution environments that each take one event at a time.
    /// </summary>
    public async Task<IReadOnlyList<DrillInvocation>> InvokeConcurrentlyAsync(string label, byte[] payload, int copies)
    {
        var count = Math.Min(copies, ConcurrentEnvironments);
        _environments.AddRange(
            await Task.WhenAll(Enumerable.Range(0, Math.Max(0, count - _environments.Count)).Select(_ => StartEnvironmentAsync(null))));
        var environments = _environments.Take(count).ToArray();
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(1, copies).Select(async i =>
        {
            await gate.Task;
            return await InvokeOnAsync(environments[(i - 1) % environments.Length], $"{label} #{i}", payload);
        }).ToList();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    /// <summary>
    /// Delivers a payload and kills its process (SIGKILL, as a crash or Lambda's own stop would end it) as soon as it
    /// logs the start of <paramref name="step"/>, that is, right after the previous step's checkpoint.
    /// </summary>
    public async Task<DrillInvocation> InvokeAndKillAtStepAsync(string label, byte[] payload, string step)
    {
        var killed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        FunctionProcess? environment = null;
        environment = await StartEnvironmentAsync(line =>
        {
            if (IsStepStart(line, step) && killed.TrySetResult())
            {
                _ = environment!.DisposeAsync().AsTask();
            }
        });
        var invocation = await InvokeOnAsync(environment, label, payload);
        await environment.DisposeAsync();
        return invocation;
    }

    /// <summary>The highest peak resident memory (VmHWM) of the environments still running, in MB; null when none can be read.</summary>
    public double? FunctionPeakMemoryMb() =>
        _environments.Select(e => e.PeakResidentBytes()).Max() is { } bytes ? Math.Round(bytes / 1024.0 / 1024.0, 1) : null;

    public async ValueTask DisposeAsync()
    {
        foreach (var environment in _environments)
        {
            await environment.DisposeAsync();
        }

        await World.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    public static Outcome? MainOutcome(IEnumerable<DrillInvocation> invocations)
    {
        var outcomes = invocations.Select(i => i.Result?.Outcome).ToList();
        return outcomes.FirstOrDefault(o => o is Outcome.FailedOver or Outcome.FailedBack or Outcome.Blocked) ?? outcomes.LastOrDefault();
    }

    private async Task<FunctionProcess> EnvironmentAsync(int index)
    {
        while (_environments.Count <= index)
        {
            _environments.Add(await StartEnvironmentAsync(null));
        }

        return _environments[index];
    }

    /// <summary>Starts one execution environment and waits for its cold start to end (its first GET …/next), so no invocation's time
    /// includes it.</summary>
    private async Task<FunctionProcess> StartEnvironmentAsync(Action<string>? watch)
    {
        var variables = new Dictionary<string, string>(World.Environment, StringComparer.Ordinal)
        {
            [LambdaRuntimeHost.ConfigFileVariable] = _configFile,
            ["AWS_EC2_METADATA_DISABLED"] = "true",
        };
        var environment = FunctionProcess.Start(
            new FunctionProcessOptions { TaskRoot = Function.TaskRoot, Runtime = Function.Runtime, Region = Options.Region!,
                AccountId = App.AccountId, Environment = variables },
            line =>
            {
                watch?.Invoke(line);
                ShowProgress(line);
            });
        var started = Stopwatch.GetTimestamp();
        while (environment.TimeToFirstNext is null)
        {
            if (environment.Exited.IsCompleted || Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(60))
            {
                var output = string.Join('\n', environment.StandardOutput.Concat(environment.StandardError));
                await environment.DisposeAsync();
                throw new InvalidOperationException($"the function process did not reach the Runtime API:\n{output}");
            }

            await Task.Delay(10);
        }

        Progress.Say(
            $"execution environment started ({Function.StartLine}): first GET /next after "
            + $"{environment.TimeToFirstNext.Value.TotalMilliseconds:0} ms");
        return environment;
    }

    private async Task<DrillInvocation> InvokeOnAsync(FunctionProcess environment, string label, byte[] payload)
    {
        // On the drill's clock: an invocation lasts its real time plus the world's waits the clock jumped over meanwhile.
        var started = Clock.GetUtcNow();
        var at = started - OutageAt;
        var linesBefore = environment.StandardOutput.Count;
        var answer = await environment.InvokeAsync(payload, TimeSpan.FromSeconds(Options.FunctionTimeoutSeconds));
        var duration = Clock.GetUtcNow() - started;
        DrillInvocation invocation;
        if (answer.Kind == InvocationResultKind.Response)
        {
            var result = JsonSerializer.Deserialize(answer.Body, OrchestratorJsonContext.Default.FailoverResult)!;

            // The function runs on real time; the drill's clock is ahead by the simulated minutes it had jumped by then.
            result = result with { Steps = result.Steps.Select(s =>
                s with { StartedAt = s.StartedAt is { } real ? ToDrillTime(real) : null }).ToList() };
            invocation = new DrillInvocation(label, at, duration, result, null);
        }
        else
        {
            invocation = new DrillInvocation(label, at, duration, null, $"{answer.ErrorType}: {ErrorMessage(answer)}");
        }

        invocation = invocation with { Metrics = await MetricsAsync(environment, linesBefore, invocation) };
        lock (_invocations)
        {
            _invocations.Add(invocation);
        }

        Progress.Say($"  {label}: {invocation.Summary}");
        return invocation;
    }

    /// <summary>
    /// The metric line the invocation wrote before it answered: a line of its environment, written since the invocation
    /// was queued there, with its outcome and execution id, not yet claimed by another invocation (concurrent deliveries
    /// queue several invocations on one environment). Stdout is read asynchronously, so the line may reach us a moment
    /// after the answer. Only switches emit one (a status, plan or ignored alarm does not).
    /// </summary>
    private async Task<EmittedMetrics?> MetricsAsync(FunctionProcess environment, int linesBefore, DrillInvocation invocation)
    {
        var outcome = invocation.Result?.Outcome.ToString() ?? "Error";
        var executionId = invocation.Result?.ExecutionId;
        var expected = invocation.Result is null || invocation.Result.Outcome is Outcome.FailedOver or Outcome.FailedBack or Outcome.Blocked
            or Outcome.Suppressed or Outcome.AlreadyInTargetState or Outcome.InProgressElsewhere;
        for (var waited = 0; ; waited += 5)
        {
            var lines = environment.StandardOutput;
            lock (_claimedLines)
            {
                for (var i = linesBefore; i < lines.Count; i++)
                {
                    if (!_claimedLines.Contains((environment, i)) && EmittedMetrics.TryParse(lines[i]) is { } emitted
                        && emitted.Outcome == outcome && (executionId is null || emitted.ExecutionId == executionId))
                    {
                        _claimedLines.Add((environment, i));
                        return emitted;
                    }
                }
            }

            if (!expected || waited >= 1_000)
            {
                return null;
            }

            await Task.Delay(5);
        }
    }

    /// <summary>A real instant of the function's on the drill's clock: real time plus the jumps made before it.</summary>
    private DateTimeOffset ToDrillTime(DateTimeOffset real)
    {
        lock (_skipped)
        {
            return real + Clock.Offset - _skipped.Where(w => w.RealAt > real).Aggregate(TimeSpan.Zero, (sum, w) => sum + w.Duration);
        }
    }

    private static string ErrorMessage(InvocationResult answer)
    {
        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            return document.RootElement.TryGetProperty("errorMessage", out var message) ? message.GetString() ?? answer.Text : answer.Text;
        }
        catch (JsonException)
        {
            return answer.Text;
        }
    }

    private static bool IsStepStart(string line, string step)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            return root.TryGetProperty("eventId", out var id) && id.GetInt32() == 6 && root.TryGetProperty("step", out var name)
                && name.GetString() == step;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private void ShowProgress(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.TryGetProperty("eventId", out var id) && Shown.Contains(id.GetInt32()))
            {
                Progress.Say("    " + root.GetProperty("message").GetString());
            }
        }
        catch (JsonException)
        {
            // Not a log line of ours (the runtime's own output): not progress.
        }
    }
}
