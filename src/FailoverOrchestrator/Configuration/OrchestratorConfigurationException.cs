namespace FailoverOrchestrator.Configuration;

/// <summary>The configuration is missing a setting or contradicts itself; the message names every offending setting.</summary>
public sealed class OrchestratorConfigurationException : Exception
{
    /// <summary>Every offending setting at once, one line each.</summary>
    public OrchestratorConfigurationException(IReadOnlyList<string> errors)
        : base(
            "Invalid configuration (settings are named as Orchestrator:Path, set by the file or by environment variables "
            + "Orchestrator__Path):" + Environment.NewLine + "  - " + string.Join(Environment.NewLine + "  - ", errors))
    {
        Errors = errors;
    }

    /// <summary>A configuration that could not be read or bound at all.</summary>
    public OrchestratorConfigurationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    /// <summary>The problems, each naming its setting.</summary>
    public IReadOnlyList<string> Errors { get; }
}
