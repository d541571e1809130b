using System.Text.Json;
using System.Text;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.Lambda;
using FailoverOrchestrator.LocalCloud.World;

namespace FailoverOrchestrator.IntegrationTests.LambdaRuntime;

/// <summary>
/// The published function started as its Lambda runtime starts it, behind the Runtime API stand-in, with its
/// configuration in one file (ORCHESTRATOR_CONFIG) and, when a world is asked for, its clients pointed at dynalite and
/// LocalCloud through the standard endpoint variables.
/// </summary>
internal sealed class RuntimeHarness : IAsyncDisposable
{
    private readonly string _directory;

    private RuntimeHarness(FunctionProcess function, LocalWorld? world, OrchestratorOptions? options, string directory)
    {
        Function = function;
        World = world;
        Options = options;
        _directory = directory;
    }

    public FunctionProcess Function { get; }

    public LocalWorld? World { get; }

    public OrchestratorOptions? Options { get; }

    /// <summary>
    /// Starts the function with the sample configuration and the test waits; <paramref name="configText"/> replaces the
    /// file as written; <paramref name="ofWorld"/> gives variables that name parts of the world (known once it runs).
    /// </summary>
    public static async Task<RuntimeHarness> StartAsync(
        LambdaRuntimeKind runtime,
        bool withWorld,
        IEnumerable<KeyValuePair<string, string?>>? overrides = null,
        LocalCloudOptions? cloud = null,
        string? configText = null,
        IReadOnlyDictionary<string, string>? environment = null,
        string? region = null,
        Func<LocalWorld, IReadOnlyDictionary<string, string>>? ofWorld = null)
    {
        var root = await PublishedFunction.TaskRootAsync(runtime);
        var directory = Directory.CreateTempSubdirectory("fo-runtime-").FullName;
        var configFile = await WriteConfigurationAsync(directory, overrides, configText);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [FailoverOrchestrator.Runtime.LambdaRuntimeHost.ConfigFileVariable] = configFile,
            ["AWS_EC2_METADATA_DISABLED"] = "true",

            // Without a world, an AWS call would fail at once on a closed port: the cases without one make none.
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9",
        };
        var (world, options) = withWorld ? await StartWorldAsync(configFile, cloud, ofWorld, variables) : (null, null);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            variables[name] = value;
        }

        var process = new FunctionProcessOptions { TaskRoot = root, Runtime = runtime, Environment = variables };
        var function = FunctionProcess.Start(region is null ? process : process with { Region = region });
        return new RuntimeHarness(function, world, options, directory);
    }

    /// <summary>The sample configuration with the test waits and <paramref name="overrides"/>, or
    /// <paramref name="configText"/> as written.</summary>
    private static async Task<string> WriteConfigurationAsync(
        string directory, IEnumerable<KeyValuePair<string, string?>>? overrides, string? configText)
    {
        var configFile = Path.Combine(directory, "orchestrator.json");
        var all = WorldHarness.TestOverrides.Concat(overrides ?? []).ToList();
        if (configText is null)
        {
            ConfigurationFile.Write(WorldHarness.ConfigFile, all, configFile);
        }
        else
        {
            await File.WriteAllTextAsync(configFile, configText);
        }

        return configFile;
    }

    /// <summary>Starts and provisions a world for the configuration, and points the function's clients at it.</summary>
    private static async Task<(LocalWorld? World, OrchestratorOptions? Options)> StartWorldAsync(
        string configFile,
        LocalCloudOptions? cloud,
        Func<LocalWorld, IReadOnlyDictionary<string, string>>? ofWorld,
        Dictionary<string, string> variables)
    {
        LocalCredentials.UseInThisProcess();
        var world = await LocalWorld.StartAsync(cloud
            ?? new LocalCloudOptions { ChangePropagationDelay = TimeSpan.Zero, EcsTasksPerSecond = double.PositiveInfinity,
            AccountId = "111122223333" });
        var options = OrchestratorConfiguration.Load(configFile);
        await world.ProvisionAsync(options);
        foreach (var (name, value) in world.Environment.Concat(ofWorld?.Invoke(world) ?? new Dictionary<string, string>()))
        {
            variables[name] = value;
        }

        return (world, options);
    }

    public Task<InvocationResult> InvokeAsync(string payload, TimeSpan? timeout = null, string? traceId = null) =>
        Function.InvokeAsync(Encoding.UTF8.GetBytes(payload), timeout ?? TimeSpan.FromSeconds(60), traceId);

    public static string Event(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "samples", "events", name));

    /// <summary>The function's stdout lines parsed as JSON objects (a line that is not one fails the test).</summary>
    public IReadOnlyList<JsonElement> Logs() =>
        Function.StandardOutput.Select(line =>
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                return document.RootElement.Clone();
            }
            catch (JsonException ex)
            {
                throw new Xunit.Sdk.XunitException($"stdout line is not one JSON object: {line} ({ex.Message})");
            }
        }).ToList();

    public string Diagnostics() =>
        $"stdout:\n{string.Join('\n', Function.StandardOutput)}\nstderr:\n{string.Join('\n', Function.StandardError)}";

    public async ValueTask DisposeAsync()
    {
        await Function.DisposeAsync();
        if (World is not null)
        {
            await World.DisposeAsync();
        }

        Directory.Delete(_directory, recursive: true);
    }
}
