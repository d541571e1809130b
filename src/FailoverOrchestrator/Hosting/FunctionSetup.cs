using FailoverOrchestrator.Aws.Http;
using FailoverOrchestrator.Configuration;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Hosting;

/// <summary>How a <see cref="Function"/> is built outside Lambda (the CLI, the drill, the tests); every member defaults to Lambda's
/// choice.</summary>
internal sealed record FunctionSetup
{
    /// <summary>The configuration file; null reads <c>orchestrator.json</c> beside the assembly.</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Settings laid over the file and the environment, as <c>Orchestrator:Path</c> keys.</summary>
    public IEnumerable<KeyValuePair<string, string?>>? ConfigOverrides { get; init; }

    /// <summary>The environment variables the function reads (settings, log level, region, endpoints); the process's by default.</summary>
    public IEnvironmentVariables Environment { get; init; } = SystemEnvironmentVariables.Instance;

    /// <summary>The region the function runs in (Lambda's AWS_REGION): never an app's primary; null does not check it.</summary>
    public string? FunctionRegion { get; init; }

    /// <summary>Whether the JSON log lines go to stderr (the CLI keeps stdout for the result).</summary>
    public bool LogToStandardError { get; init; }

    /// <summary>A logger factory to use instead of the JSON console; the caller disposes it.</summary>
    public ILoggerFactory? Loggers { get; init; }

    /// <summary>Builds the AWS clients; null builds the real ones, which read <see cref="Environment"/>.</summary>
    public Func<OrchestratorOptions, ILoggerFactory, TimeProvider, AwsDependencies>? Aws { get; init; }

    public TimeProvider? Time { get; init; }

    /// <summary>Where the Embedded Metric Format lines go; null writes them beside the JSON logs (stdout, or stderr with
    /// <see cref="LogToStandardError"/>), and nowhere when <see cref="Loggers"/> is given.</summary>
    public TextWriter? MetricsOutput { get; init; }
}
