using System.Diagnostics;
using System.Globalization;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>Progress lines while the drill runs, with the real time elapsed; on stderr when stdout carries JSON.</summary>
internal sealed class DrillProgress(TextWriter output)
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly object _gate = new();

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    public void Say(string text)
    {
        lock (_gate)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  [{Elapsed.TotalSeconds,6:0.00}s] {text}"));
        }
    }
}
