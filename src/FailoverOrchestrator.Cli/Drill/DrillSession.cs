using System.Text.Json;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Hosting;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.World;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Serialization;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// One drill's world and handler: dynalite and LocalCloud on loopback, provisioned from the drill's configuration,
/// and the real handler built as Lambda builds it, its clients pointed at the world through the standard
/// <c>AWS_ENDPOINT_URL_*</c> variables of this process.
/// </summary>
internal sealed class DrillSession : IAsyncDisposable
{
    private readonly ILoggerFactory _loggers;
    private readonly List<DrillInvocation> _invocations = [];
    private readonly List<SkippedWait> _skipped;

    // The process's own values of the variables the drill points at its world, put back when it ends.
    private static readonly Dictionary<string, string?> Saved = new(StringComparer.Ordinal);

    private DrillSession(LocalWorld world, OrchestratorOptions options, DrillProgress progress, JumpingClock clock, List<SkippedWait> skipped)
    {
        Clock = clock;
        _skipped = skipped;
        World = world;
        Options = options;
        App = options.Apps.Values.Single();
        Progress = progress;
        _loggers = LoggerFactory.Create(b => b.AddProvider(new ProgressLoggerProvider(progress)).SetMinimumLevel(LogLevel.Information));
        Clock.TimerObserver = Meter.ObserveTimer;
    }

    /// <summary>Time each invocation spent waiting on AWS.</summary>
    public AwsWaitMeter Meter { get; } = new();

    public LocalWorld World { get; }

    public OrchestratorOptions Options { get; }

    public AppOptions App { get; }

    public DrillProgress Progress { get; }

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

    public static async Task<DrillSession> StartAsync(DrillProgress progress, CancellationToken cancellationToken)
    {
        progress.Say("starting dynalite (DynamoDB) and LocalCloud (Route 53, ECS, SNS) on 127.0.0.1 ...");
        // The world runs on the drill's clock. ECS tasks take a minute to start and Route 53 calls the endpoint healthy
        // only after FailureThreshold passing requests: when the handler polls for either, the clock jumps to it (and
        // the jump is reported as simulated) instead of the drill waiting minutes.
        var clock = new JumpingClock();
        var skipped = new List<SkippedWait>();
        var timings = new DrillTimings();
        var world = await LocalWorld.StartAsync(
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
                        skipped.Add(new SkippedWait(clock.GetUtcNow(), by, why));
                        clock.Jump(by);
                    }

                    progress.Say($"  the drill's clock jumps {by.TotalSeconds:0} s: {why}");
                },
                AccountId = "111122223333",
            },
            cancellationToken);
        try
        {
            foreach (var (name, value) in world.Environment)
            {
                Saved[name] = Environment.GetEnvironmentVariable(name);
                Environment.SetEnvironmentVariable(name, value);
            }

            progress.Say($"dynalite at {world.Dynalite.Endpoint}, LocalCloud at {world.Cloud.Endpoint}");
            var options = OrchestratorConfiguration.Load(DrillConfiguration.File, DrillConfiguration.Overrides);
            await world.ProvisionAsync(options, cancellationToken);
            var app = options.Apps.Values.Single();
            progress.Say($"provisioned app '{app.Name}': {app.Dns.RecordName} -> {app.Regions[app.PrimaryRegion].TargetDnsName} ({app.PrimaryRegion}), " +
                $"{app.StandbyRegion} at standby counts, tables {options.StateTable}, {options.AuditTable}, {app.WriterControl.TableName}");
            return new DrillSession(world, options, progress, clock, skipped);
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// <summary>Delivers one payload to a fresh handler instance (a Lambda container of its own), as Lambda would.</summary>
    public async Task<DrillInvocation> InvokeAsync(string label, byte[] payload, Func<AwsDependencies, AwsDependencies>? wrap = null)
    {
        AwsWaitMeter.Attribute(label);
        using var function = new Function(new FunctionSetup
        {
            ConfigFile = DrillConfiguration.File,
            ConfigOverrides = DrillConfiguration.Overrides,
            Loggers = _loggers,
            Time = Clock,
            Aws = (o, l, t) => wrap is null ? DefaultAwsDependencies.Create(o, l, t) : wrap(DefaultAwsDependencies.Create(o, l, t)),
        });
        DrillInvocation invocation;

        // Measured from the handler call: the container's cold start (configuration, clients) is not part of a failover.
        var at = Clock.GetUtcNow() - OutageAt;
        var started = Clock.GetUtcNow();
        try
        {
            await using var output = await function.HandleAsync(new MemoryStream(payload));
            var result = await JsonSerializer.DeserializeAsync(output, OrchestratorJsonContext.Default.FailoverResult);
            invocation = new DrillInvocation(label, at, Clock.GetUtcNow() - started, result, null);
        }
        catch (Exception ex)
        {
            invocation = new DrillInvocation(label, at, Clock.GetUtcNow() - started, null, $"{ex.GetType().Name}: {ex.Message}");
        }

        lock (_invocations)
        {
            _invocations.Add(invocation);
        }

        Progress.Say($"  {label}: {invocation.Summary}");
        return invocation;
    }

    /// <summary>Delivers the same payload several times at once, behind a gate, as duplicate alarm deliveries arrive.</summary>
    public async Task<IReadOnlyList<DrillInvocation>> InvokeConcurrentlyAsync(string label, byte[] payload, int copies)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var tasks = Enumerable.Range(1, copies).Select(async i =>
        {
            await gate.Task;
            return await InvokeAsync($"{label} #{i}", payload);
        }).ToList();
        gate.SetResult();
        return await Task.WhenAll(tasks);
    }

    public async ValueTask DisposeAsync()
    {
        Meter.Dispose();
        _loggers.Dispose();
        await World.DisposeAsync();
        foreach (var (name, value) in Saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }

    public static Outcome? MainOutcome(IEnumerable<DrillInvocation> invocations)
    {
        var outcomes = invocations.Select(i => i.Result?.Outcome).ToList();
        return outcomes.FirstOrDefault(o => o is Outcome.FailedOver or Outcome.FailedBack or Outcome.Blocked) ?? outcomes.LastOrDefault();
    }
}
