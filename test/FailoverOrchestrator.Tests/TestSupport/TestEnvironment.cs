using FailoverOrchestrator.Aws.Http;

namespace FailoverOrchestrator.Tests.TestSupport;

/// <summary>Environment variables of one test, handed to the code under test instead of the process's (so tests run in parallel).</summary>
internal sealed class TestEnvironment(IReadOnlyDictionary<string, string> variables) : IEnvironmentVariables
{
    public static TestEnvironment Empty { get; } = new(new Dictionary<string, string>());

    public string? GetEnvironmentVariable(string name) => variables.GetValueOrDefault(name);

    public IEnumerable<KeyValuePair<string, string>> GetEnvironmentVariables() => variables;
}
