namespace FailoverOrchestrator.Aws.Http;

/// <summary>The process environment.</summary>
internal sealed class SystemEnvironmentVariables : IEnvironmentVariables
{
    public static SystemEnvironmentVariables Instance { get; } = new();

    public string? GetEnvironmentVariable(string name) => Environment.GetEnvironmentVariable(name);
}
