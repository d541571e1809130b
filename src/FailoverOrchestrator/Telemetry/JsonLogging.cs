using FailoverOrchestrator.Aws.Http;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Telemetry;

/// <summary>One JSON object per line, with scopes (app, executionId, step): on stdout in Lambda, on stderr for the CLI so stdout stays the
/// result.</summary>
internal static class JsonLogging
{
    /// <summary>
    /// The variable that sets the lowest level logged (Trace, Debug, Information, ...);
    /// Information when unset or unknown.
    /// </summary>
    public const string LevelVariable = "ORCHESTRATOR_LOG_LEVEL";

    public static ILoggerFactory Create(bool toStandardError, IEnvironmentVariables environment)
    {
        var configured = environment.GetEnvironmentVariable(LevelVariable);
        var level = Enum.TryParse<LogLevel>(configured, ignoreCase: true, out var parsed) ? parsed : LogLevel.Information;
        var provider = new JsonLineLoggerProvider(toStandardError ? Console.Error : Console.Out, TimeProvider.System);
        var filters = new LoggerFilterOptions { MinLevel = level };
        filters.Rules.Add(new LoggerFilterRule(null, "Microsoft", LogLevel.Warning, null));
        return new LoggerFactory([provider], filters);
    }
}
