namespace FailoverOrchestrator.Aws.Http;

/// <summary>
/// Reads environment variables: the one seam through which the function sees its process environment (configuration
/// overrides, log level, region, endpoints), so tests give each function its own without changing the real one.
/// </summary>
internal interface IEnvironmentVariables
{
    /// <summary>The variable's value, or null when it is not set.</summary>
    string? GetEnvironmentVariable(string name);

    /// <summary>Every variable, for the configuration's <c>Orchestrator__...</c> settings.</summary>
    IEnumerable<KeyValuePair<string, string>> GetEnvironmentVariables();
}
