using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace FailoverOrchestrator.Telemetry;

/// <summary>One JSON object per line, with scopes (app, executionId, step): on stdout in Lambda, on stderr for the CLI so stdout stays the result.</summary>
internal static class JsonLogging
{
    public static ILoggerFactory Create(bool toStandardError) => LoggerFactory.Create(builder =>
    {
        var level = Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable("ORCHESTRATOR_LOG_LEVEL"), ignoreCase: true, out var parsed) ? parsed : LogLevel.Information;
        builder.SetMinimumLevel(level);
        builder.AddFilter("Microsoft", LogLevel.Warning);
        builder.AddConsole(o => o.LogToStandardErrorThreshold = toStandardError ? LogLevel.Trace : LogLevel.None);
        builder.AddJsonConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
        });
    });
}
