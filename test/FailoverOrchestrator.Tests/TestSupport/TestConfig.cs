using FailoverOrchestrator.Configuration;

namespace FailoverOrchestrator.Tests.TestSupport;

/// <summary>The sample configuration shipped with the CLI, loaded the way the function loads it, in an empty environment.</summary>
internal static class TestConfig
{
    public static string SamplesDirectory => Path.Combine(AppContext.BaseDirectory, "samples");

    public static string ConfigPath => Path.Combine(SamplesDirectory, "orchestrator.json");

    public static OrchestratorOptions Load(IEnumerable<KeyValuePair<string, string?>>? overrides = null) =>
        OrchestratorConfiguration.Load(ConfigPath, overrides, environment: TestEnvironment.Empty);

    public static AppOptions Shop(IEnumerable<KeyValuePair<string, string?>>? overrides = null) => Load(overrides).Apps["shop"];

    public static byte[] Event(string name) => File.ReadAllBytes(Path.Combine(SamplesDirectory, "events", name));
}
