namespace FailoverOrchestrator.Aws.Http;

/// <summary>Reads environment variables; lets tests point clients at loopback without changing the real environment.</summary>
internal interface IEnvironmentVariables
{
    /// <summary>The variable's value, or null when it is not set.</summary>
    string? GetEnvironmentVariable(string name);
}
