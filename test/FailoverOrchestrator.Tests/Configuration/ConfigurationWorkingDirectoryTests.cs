using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Tests.Aws.Http;
using FailoverOrchestrator.Tests.TestSupport;

namespace FailoverOrchestrator.Tests.Configuration;

/// <summary>A relative configuration path; changes the process's current directory, so it runs alone.</summary>
[Collection(nameof(ProcessEnvironmentCollection))]
public sealed class ConfigurationWorkingDirectoryTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("orchestrator-config-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_RelativePath_ResolvesAgainstTheCurrentDirectory()
    {
        // Before: the JSON provider resolved it against the assembly's folder and threw FileNotFoundException.
        File.Copy(TestConfig.ConfigPath, Path.Combine(_folder, "mine.json"));
        var before = Environment.CurrentDirectory;
        Environment.CurrentDirectory = _folder;
        try
        {
            Assert.Equal("shop", OrchestratorConfiguration.Load("mine.json", environment: TestEnvironment.Empty).Apps["shop"].Name);
            var ex = Assert.Throws<OrchestratorConfigurationException>(
                () => OrchestratorConfiguration.Load("missing.json", environment: TestEnvironment.Empty));
            var expected = $"configuration file 'missing.json' does not exist (looked for {Path.Combine(_folder, "missing.json")})";
            Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            Environment.CurrentDirectory = before;
        }
    }
}
