using System.Globalization;

namespace FailoverOrchestrator.Benchmarks;

/// <summary>Percentiles of measured latencies, printed by the benchmarks (never asserted).</summary>
internal static class LatencySummary
{
    /// <summary>For example <c>p50 4.1 ms, p99 18.0 ms, max 22.3 ms (10000 calls)</c>.</summary>
    public static string Describe(IEnumerable<double> milliseconds)
    {
        var sorted = milliseconds.Order().ToList();
        return sorted.Count == 0
            ? "no calls"
            : string.Create(CultureInfo.InvariantCulture,
                $"p50 {Percentile(sorted, 0.50):0.0} ms, p99 {Percentile(sorted, 0.99):0.0} ms, max {sorted[^1]:0.0} ms ({sorted.Count} "
                + $"calls)");
    }

    /// <summary>The nearest-rank percentile of an ascending list.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
