using System.Text.Json;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.LocalCloud.Lambda;
using FailoverOrchestrator.LocalCloud.World;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Serialization;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// One drill's world and function: dynalite and LocalCloud on loopback, provisioned from the drill's configuration,
/// and the function itself as Lambda runs it: separate processes started the way its runtime starts them (the managed
/// runtime's <c>dotnet exec FailoverOrchestrator.dll</c> by default, or provided.al2023's <c>./bootstrap</c>, JIT or
/// Native AOT), each an execution environment behind its own Runtime API, with the configuration in one file and the
/// world's endpoints in the standard <c>AWS_ENDPOINT_URL_*</c> variables of those processes only.
/// </summary>
internal sealed class DrillSession : IAsyncDisposable
{
    /// <summary>Concurrent deliveries spread over this many execution environments, as Lambda scales out.</summary>
    public const int ConcurrentEnvironments = 2;

    private readonly List<DrillInvocation> _invocations = [];
    private readonly DrillWorld _world;
    private readonly SkippedWaits _skipped;
    private readonly ExecutionEnvironments _environments;
    private readonly MetricLineClaims _metrics = new();

    private DrillSession(DrillWorld world, DrillProgress progress, JumpingClock clock, SkippedWaits skipped, FunctionBuild function)
    {
        _world = world;
        _skipped = skipped;
        Function = function;
        Clock = clock;
        Progress = progress;
        App = Options.Apps.Values.Single();
        _environments = new ExecutionEnvironments(world, function, progress);
    }

    public LocalWorld World => _world.World;

    /// <summary>The build of the function every execution environment of this drill starts.</summary>
    public FunctionBuild Function { get; }

    public OrchestratorOptions Options => _world.Options;

    public AppOptions App { get; }

    public DrillProgress Progress { get; }

    /// <summary>
    /// The drill's clock: real time plus the simulated minutes of detection and alarm evaluation, and of the world's
    /// waits during the orchestration (task starts, health checks turning healthy) that LocalCloud skips ahead over.
    /// </summary>
    public JumpingClock Clock { get; }

    public DrillTimings Timings { get; } = new();

    /// <summary>The waits of the world (task starts, health checks turning healthy) the clock jumped over, in order.</summary>
    public IReadOnlyList<SkippedWait> Skipped => _skipped.Snapshot();

    /// <summary>When the primary went down, on the drill's clock: the zero of the timeline.</summary>
    public DateTimeOffset OutageAt { get; set; }

    public IReadOnlyList<DrillInvocation> Invocations => _invocations;

    /// <summary>
    /// Starts the world and writes the function's configuration file (the drill's, with <paramref name="overrides"/>
    /// laid over it); the environments run <paramref name="function"/>, by default the managed build beside this program.
    /// </summary>
    public static async Task<DrillSession> StartAsync(
        DrillProgress progress,
        CancellationToken cancellationToken,
        IEnumerable<KeyValuePair<string, string?>>? overrides = null,
        FunctionBuild? function = null)
    {
        var clock = new JumpingClock();
        var skipped = new SkippedWaits(clock, TimeProvider.System);
        var world = await DrillWorld.StartAsync(progress, (overrides ?? []).ToList(), clock, skipped, cancellationToken);
        return new DrillSession(
            world, progress, clock, skipped, function ?? new FunctionBuild(LambdaRuntimeKind.Managed, AppContext.BaseDirectory));
    }

    /// <summary>Delivers one payload to the first execution environment (started on first use and kept warm, as Lambda keeps it).</summary>
    public async Task<DrillInvocation> InvokeAsync(string label, byte[] payload)
    {
        var environments = await _environments.WarmAsync(1);
        return await InvokeOnAsync(environments[0], label, payload);
    }

    /// <summary>
    /// Delivers the same payload several times at once, behind a gate, as duplicate alarm deliveries arrive, spread over
    /// <see cref="ConcurrentEnvironments"/> execution environments that each take one event at a time.
    /// </summary>
    public async Task<IReadOnlyList<DrillInvocation>> InvokeConcurrentlyAsync(string label, byte[] payload, int copies)
    {
        var environments = await _environments.WarmAsync(Math.Min(copies, ConcurrentEnvironments));
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(1, copies).Select(async i =>
        {
            await gate.Task;
            return await InvokeOnAsync(environments[(i - 1) % environments.Count], $"{label} #{i}", payload);
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
        environment = await _environments.StartAsync(line =>
        {
            if (FunctionLogLines.IsStepStart(line, step) && killed.TrySetResult())
            {
                _ = environment!.DisposeAsync().AsTask();
            }
        });
        var invocation = await InvokeOnAsync(environment, label, payload);
        await environment.DisposeAsync();
        return invocation;
    }

    /// <summary>The highest peak resident memory (VmHWM) of the environments still running, in MB; null when none can be read.</summary>
    public double? FunctionPeakMemoryMb() => _environments.PeakMemoryMb();

    public async ValueTask DisposeAsync()
    {
        await _environments.DisposeAsync();
        await _world.DisposeAsync();
    }

    public static Outcome? MainOutcome(IEnumerable<DrillInvocation> invocations)
    {
        var outcomes = invocations.Select(i => i.Result?.Outcome).ToList();
        return outcomes.FirstOrDefault(o => o is Outcome.FailedOver or Outcome.FailedBack or Outcome.Blocked) ?? outcomes.LastOrDefault();
    }

    private async Task<DrillInvocation> InvokeOnAsync(FunctionProcess environment, string label, byte[] payload)
    {
        // On the drill's clock: an invocation lasts its real time plus the world's waits the clock jumped over meanwhile.
        var started = Clock.GetUtcNow();
        var linesBefore = environment.StandardOutput.Count;
        var answer = await environment.InvokeAsync(payload, TimeSpan.FromSeconds(Options.FunctionTimeoutSeconds));
        var invocation = Record(label, started - OutageAt, Clock.GetUtcNow() - started, answer);
        if (answer.ErrorType == "Runtime.ExitError")
        {
            // The process ended: its last words say why (the Runtime API failing, an unhandled exception on stderr).
            invocation = invocation with { Error = $"{invocation.Error} | {FunctionLogLines.LastWords(environment)}" };
        }

        invocation = invocation with { Metrics = await _metrics.ClaimAsync(environment, linesBefore, invocation) };
        lock (_invocations)
        {
            _invocations.Add(invocation);
        }

        Progress.Say($"  {label}: {invocation.Summary}");
        return invocation;
    }

    private DrillInvocation Record(string label, TimeSpan at, TimeSpan duration, InvocationResult answer)
    {
        if (answer.Kind != InvocationResultKind.Response)
        {
            return new DrillInvocation(label, at, duration, null, $"{answer.ErrorType}: {FunctionLogLines.ErrorMessage(answer)}");
        }

        var result = JsonSerializer.Deserialize(answer.Body, OrchestratorJsonContext.Default.FailoverResult)!;

        // The function runs on real time; the drill's clock is ahead by the simulated minutes it had jumped by then.
        result = result with
        {
            Steps = result.Steps.Select(s => s with { StartedAt = s.StartedAt is { } real ? _skipped.ToDrillTime(real) : null }).ToList(),
        };
        return new DrillInvocation(label, at, duration, result, null);
    }
}
