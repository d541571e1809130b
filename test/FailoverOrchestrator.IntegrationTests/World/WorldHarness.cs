using System.Text;
using System.Text.Json;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Hosting;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.World;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Serialization;
using Microsoft.Extensions.Logging.Abstractions;

namespace FailoverOrchestrator.IntegrationTests.World;

/// <summary>
/// A world of its own for one test: dynalite and LocalCloud provisioned from the sample configuration, and the real
/// handler (real clients over HTTP) built per invocation, as a Lambda container would be.
/// </summary>
internal sealed class WorldHarness : IAsyncDisposable
{
    /// <summary>Waits short enough for tests; everything else is the sample configuration.</summary>
    public static readonly IReadOnlyList<KeyValuePair<string, string?>> TestOverrides =
    [
        new("Orchestrator:Region", "us-east-1"),
        new("Orchestrator:Apps:shop:EcsWaitSeconds", "20"),
        new("Orchestrator:Apps:shop:HealthWaitSeconds", "5"),
        new("Orchestrator:Apps:shop:DnsWaitSeconds", "20"),
        new("Orchestrator:Apps:shop:LeaseSeconds", "30"),
        new("Orchestrator:Apps:shop:CooldownSeconds", "600"),
    ];

    private readonly List<KeyValuePair<string, string?>> _overrides;

    private WorldHarness(LocalWorld world, OrchestratorOptions options, List<KeyValuePair<string, string?>> overrides)
    {
        World = world;
        Options = options;
        _overrides = overrides;
    }

    public LocalWorld World { get; }

    public LocalCloudServer Cloud => World.Cloud;

    public OrchestratorOptions Options { get; }

    public AppOptions App => Options.Apps["shop"];

    /// <summary>The orchestrator's clock: real time that a test can jump forward (past a lease, a cooldown).</summary>
    public JumpingClock Clock { get; } = new();

    public static string ConfigFile => Path.Combine(AppContext.BaseDirectory, "samples", "orchestrator.json");

    /// <summary>Starts a world; propagation and convergence are instant unless the test asks otherwise.</summary>
    /// <param name="ofWorld">Settings that name the started world's own addresses (such as its health endpoints).</param>
    public static async Task<WorldHarness> StartAsync(
        IEnumerable<KeyValuePair<string, string?>>? overrides = null, LocalCloudOptions? cloud = null,
            Func<LocalWorld, IEnumerable<KeyValuePair<string, string?>>>? ofWorld = null)
    {
        LocalCredentials.UseInThisProcess();
        var world = await LocalWorld.StartAsync(cloud
            ?? new LocalCloudOptions { ChangePropagationDelay = TimeSpan.Zero, EcsTasksPerSecond = double.PositiveInfinity,
            AccountId = "111122223333" });
        try
        {
            var all = TestOverrides.Concat(overrides ?? []).Concat(ofWorld?.Invoke(world) ?? []).ToList();
            var options = OrchestratorConfiguration.Load(ConfigFile, all);
            await world.ProvisionAsync(options);
            return new WorldHarness(world, options, all);
        }
        catch
        {
            await world.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs the real handler on the payload in a container of its own; returns its result, or the exception it threw.</summary>
    public async Task<(FailoverResult? Result, Exception? Error)> InvokeAsync(string payload,
        Func<AwsDependencies, AwsDependencies>? wrap = null)
    {
        using var function = CreateFunction(wrap);
        return await InvokeAsync(function, payload);
    }

    /// <summary>Builds the real handler as a Lambda container would (cold start), with its real clients pointed at this world.</summary>
    public Function CreateFunction(Func<AwsDependencies, AwsDependencies>? wrap = null, TextWriter? metrics = null) =>
        new(new FunctionSetup
        {
            ConfigFile = ConfigFile,
            ConfigOverrides = _overrides,
            Loggers = NullLoggerFactory.Instance,
            MetricsOutput = metrics,
            Time = Clock,
            Aws = (o, l, t) =>
            {
                var real = DefaultAwsDependencies.Create(o, l, t, new WorldEnvironment(World.Environment));
                return wrap is null ? real : wrap(real);
            },
        });

    /// <summary>Runs one invocation on a handler built by <see cref="CreateFunction"/> (a warm container).</summary>
    public static async Task<(FailoverResult? Result, Exception? Error)> InvokeAsync(Function function, string payload)
    {
        ArgumentNullException.ThrowIfNull(function);
        try
        {
            await using var output = await function.HandleAsync(new MemoryStream(Encoding.UTF8.GetBytes(payload)));
            return (await JsonSerializer.DeserializeAsync(output, OrchestratorJsonContext.Default.FailoverResult), null);
        }
        catch (Exception ex)
        {
            return (null, ex);
        }
    }

    /// <summary>The CloudWatch Lambda-action payload of the app's alarm going to <paramref name="state"/> now (on the harness
    /// clock).</summary>
    public string Alarm(string state = "ALARM", string previous = "OK", DateTimeOffset? at = null) =>
        Encoding.UTF8.GetString(AlarmPayloads.LambdaAction(App, state, previous, at ?? Clock.GetUtcNow()));

    public static string Command(string command, string? extra = null) =>
        $$"""{"command":"{{command}}","app":"shop"{{(extra is null ? string.Empty : "," + extra)}}}""";

    public ValueTask DisposeAsync() => World.DisposeAsync();
}
