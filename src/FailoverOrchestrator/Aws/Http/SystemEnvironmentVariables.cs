using System.Collections;

namespace FailoverOrchestrator.Aws.Http;

/// <summary>The process environment.</summary>
internal sealed class SystemEnvironmentVariables : IEnvironmentVariables
{
    public static SystemEnvironmentVariables Instance { get; } = new();

    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);

    public IEnumerable<KeyValuePair<string, string>> GetEnvironmentVariables() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>()
            .Select(e => KeyValuePair.Create((string)e.Key, e.Value as string ?? string.Empty));
}
