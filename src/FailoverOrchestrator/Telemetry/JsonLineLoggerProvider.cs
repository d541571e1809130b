using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using FailoverOrchestrator.Redaction;

namespace FailoverOrchestrator.Telemetry;

/// <summary>
/// Writes each log event as one JSON object on one line, synchronously: Lambda freezes the process as soon as the
/// handler returns, and a background queue (the console logger's) could then hold the last lines of a failover back
/// until the next invocation, or lose them. Scopes (requestId, app, executionId, epoch, step) become top-level fields, each key once;
/// levels are named as
/// Lambda's JSON log format names them (TRACE, DEBUG, INFO, WARN, ERROR, FATAL).
/// Built without a service provider, so it adds next to nothing to the cold start.
/// </summary>
internal sealed class JsonLineLoggerProvider(TextWriter output, TimeProvider time) : ILoggerProvider, ISupportExternalScope
{
    private static readonly HashSet<string> FixedKeys =
        new(StringComparer.Ordinal) { "timestamp", "level", "category", "eventId", "message", "exception", "exceptionMessage" };
    private readonly object _gate = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public ILogger CreateLogger(string categoryName) => new JsonLineLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose() => output.Flush();

    /// <summary>The level names of Lambda's JSON log format, which filters application logs on them.</summary>
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace => "TRACE",
        LogLevel.Debug => "DEBUG",
        LogLevel.Information => "INFO",
        LogLevel.Warning => "WARN",
        LogLevel.Error => "ERROR",
        _ => "FATAL",
    };

    private void Write<TState>(string category, LogLevel level, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        var fields = Fields(state);
        var line = Render(category, level, eventId, formatter(state, exception), exception, fields);
        lock (_gate)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }

    private Dictionary<string, string?> Fields<TState>(TState state)
    {
        // Each key once: the fixed fields, then the scopes (an inner scope's value wins over an outer one's), then the
        // message's own fields; a field named like one already written is dropped (its value is in the message anyway).
        var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
        _scopes.ForEachScope(
            static (scope, target) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object>> pairs)
                {
                    foreach (var (key, value) in pairs.Where(p => !FixedKeys.Contains(p.Key)))
                    {
                        target[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
                    }
                }
            },
            fields);
        if (state is IEnumerable<KeyValuePair<string, object?>> values)
        {
            foreach (var (key, value) in values.Where(f => f.Key != "{OriginalFormat}"))
            {
                var name = char.ToLowerInvariant(key[0]) + key[1..];
                if (!FixedKeys.Contains(name))
                {
                    fields.TryAdd(name,
                        SafeText.Redact(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty));
                }
            }
        }

        return fields;
    }

    private string Render(
        string category, LogLevel level, EventId eventId, string message, Exception? exception, Dictionary<string, string?> fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp",
                time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            json.WriteString("level", LevelName(level));
            json.WriteString("category", category);
            json.WriteNumber("eventId", eventId.Id);
            json.WriteString("message", SafeText.Redact(message));
            if (exception is not null)
            {
                json.WriteString("exception", exception.GetType().FullName);
                json.WriteString("exceptionMessage", SafeText.Redact(exception.Message));
            }

            foreach (var (key, value) in fields)
            {
                json.WriteString(key, value);
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private sealed class JsonLineLogger(JsonLineLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) =>
            provider.Write(category, logLevel, eventId, state, exception, formatter);
    }
}
