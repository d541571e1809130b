using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Telemetry;

/// <summary>One JSON object per line, with scopes (app, executionId, step): on stdout in Lambda, on stderr for the CLI so stdout stays the
/// result.</summary>
internal static class JsonLogging
{
    public static ILoggerFactory Create(bool toStandardError)
    {
        var level = Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("ORCHESTRATOR_LOG_LEVEL"), ignoreCase: true, out var parsed)
            ? parsed : LogLevel.Information;
        var provider = new JsonLineLoggerProvider(toStandardError ? Console.Error : Console.Out, TimeProvider.System);
        var filters = new LoggerFilterOptions { MinLevel = level };
        filters.Rules.Add(new LoggerFilterRule(null, "Microsoft", LogLevel.Warning, null));
        return new LoggerFactory([provider], filters);
    }
}
