using FailoverOrchestrator.Aws.Http;

namespace FailoverOrchestrator.LocalCloud.World;

/// <summary>The endpoint variables of one world, read without touching the process environment (tests run worlds side by side).</summary>
internal sealed class WorldEnvironment(IReadOnlyDictionary<string, string> variables) : IEnvironmentVariables
{
    public string? GetEnvironmentVariable(string name) =>
        variables.TryGetValue(name, out var value) ? value : Environment.GetEnvironmentVariable(name);

    public IEnumerable<KeyValuePair<string, string>> GetEnvironmentVariables() =>
        SystemEnvironmentVariables.Instance.GetEnvironmentVariables().Where(v => !variables.ContainsKey(v.Key)).Concat(variables);
}
