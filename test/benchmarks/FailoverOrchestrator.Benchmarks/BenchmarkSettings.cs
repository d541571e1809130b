using System.Globalization;

namespace FailoverOrchestrator.Benchmarks;

/// <summary>The sizes of a benchmark run, from environment variables.</summary>
internal static class BenchmarkSettings
{
    public static int Get(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            && value > 0
            ? value
            : fallback;
}
