using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>Turns the handler's own step and lease log events into live progress lines; drops everything else.</summary>
internal sealed class ProgressLoggerProvider(DrillProgress progress) : ILoggerProvider
{
    // The event ids of FailoverOrchestrator.Telemetry.Log worth showing while the drill runs.
    private static readonly HashSet<int> Shown = [6, 7, 8, 9, 10];

    public ILogger CreateLogger(string categoryName) => new ProgressLogger(progress);

    public void Dispose()
    {
    }

    private sealed class ProgressLogger(DrillProgress progress) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (Shown.Contains(eventId.Id))
            {
                progress.Say("    " + formatter(state, exception));
            }
        }
    }
}
