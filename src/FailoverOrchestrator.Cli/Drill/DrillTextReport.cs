using System.Globalization;
using System.Text;
using FailoverOrchestrator.Replication;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill;

/// <summary>The drill's account for people: a timeline table, the RTO and its parts, the invocations, the AWS calls and the
/// checks.</summary>
internal static class DrillTextReport
{
    public static string Render(ScenarioResult r, string header)
    {
        var text = new StringBuilder();
        AppendHeader(text, r, header);
        AppendTimeline(text, r.Timeline);
        if (r.Rto is { } rto)
        {
            AppendRto(text, rto);
        }

        if (r.Rpo is { } rpo)
        {
            AppendRpo(text, rpo);
        }

        AppendInvocations(text, r.Invocations);
        AppendMetrics(text, r.Invocations);
        text.AppendLine().AppendLine("  AWS calls answered by LocalCloud (Route 53, ECS, SNS):");
        foreach (var line in r.AwsCalls)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {line}\n");
        }

        AppendChecks(text, r);
        return text.ToString();
    }

    private static void AppendHeader(StringBuilder text, ScenarioResult r, string header)
    {
        text.AppendLine().AppendLine(header);
        if (r.Function.Length > 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  function: {r.Function}{(r.FunctionPeakMemoryMb is { } mb ? $", peak memory {mb:0} MB" : string.Empty)}\n");
        }
    }

    private static void AppendTimeline(StringBuilder text, IReadOnlyList<TimelineEntry> timeline)
    {
        text.AppendLine();
        text.AppendLine("  T+ (drill clock)  event                                                                     took        source");
        text.AppendLine(
            "  ---------------   ------------------------------------------------------------------------  ----------  ---------");
        foreach (var e in timeline)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  {Clock(e.At),15}   {Fit(e.What, 72),-72}  {(e.Duration is { } d ? Took(d) : string.Empty),10}  {e.Source}\n");
            if (e.Detail is { Length: > 0 } detail)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {string.Empty,15}     {Fit(detail, 110)}\n");
            }
        }
    }

    /// <summary>The RTO as a sum: the simulated detection and alarm, the world's skipped waits, the measured orchestration, the
    /// TTL.</summary>
    private static void AppendRto(StringBuilder text, RtoBreakdown rto)
    {
        text.AppendLine();
        text.Append(CultureInfo.InvariantCulture,
            $"  RTO {Clock(rto.Total)} = {rto.DetectionLabel} {Took(rto.Detection)} (simulated) + {rto.AlarmLabel} "
            + $"{Took(rto.AlarmEvaluation)} (simulated)\n");
        foreach (var wait in rto.SimulatedWaits)
        {
            text.Append(CultureInfo.InvariantCulture, $"        + {Took(wait.Duration)} (simulated: {wait.What})\n");
        }

        text.Append(CultureInfo.InvariantCulture,
            $"        + orchestration {Took(rto.Measured)} (measured: waiting on AWS {Took(rto.AwsWait)}, of which DNS propagation "
            + $"{Took(rto.DnsPropagation)}; our own overhead {Took(rto.Overhead)}, in the handler and across the Runtime API)\n");
        text.Append(CultureInfo.InvariantCulture, $"        + record TTL {Took(rto.Ttl)} (simulated: resolvers' cached answers)\n");
    }

    private static void AppendRpo(StringBuilder text, RpoEstimate rpo)
    {
        var bound = rpo.BoundSeconds is { } b ? Took(TimeSpan.FromSeconds(b)) : "unknown";
        text.AppendLine();
        var accepted = rpo.AcceptedLossSeconds is { } a ? $"; the operator accepted up to {a} s" : string.Empty;
        text.Append(
            CultureInfo.InvariantCulture,
            $"  RPO {bound} ({rpo.Source}, measured by the function at {rpo.MeasuredAt:HH:mm:ss.fff}Z{accepted})\n");
        text.Append(CultureInfo.InvariantCulture, $"        {Fit(RpoSentence.Of(rpo), 120)}\n");
    }

    private static void AppendInvocations(StringBuilder text, IReadOnlyList<DrillInvocation> invocations)
    {
        text.AppendLine().AppendLine("  Invocations of the real handler:");
        foreach (var i in invocations)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {i.Label,-28} {Took(i.Duration),10}  {Fit(i.Summary, 100)}\n");
        }
    }

    private static void AppendMetrics(StringBuilder text, IReadOnlyList<DrillInvocation> invocations)
    {
        if (!invocations.Any(i => i.Metrics is not null))
        {
            return;
        }

        text.AppendLine()
            .AppendLine(
            "  Metrics the function emitted (CloudWatch Embedded Metric Format on stdout; namespace FailoverOrchestrator, by App and "
            + "Direction):");
        foreach (var i in invocations.Where(i => i.Metrics is not null))
        {
            AppendMetricLines(text, i.Label, i.Metrics!.Summary);
        }
    }

    /// <summary>One invocation's metrics, wrapped at about 100 characters; the label on the first line only.</summary>
    private static void AppendMetricLines(StringBuilder text, string label, IEnumerable<string> metrics)
    {
        var line = new StringBuilder();
        foreach (var metric in metrics)
        {
            if (line.Length > 0 && line.Length + metric.Length > 100)
            {
                text.Append(CultureInfo.InvariantCulture, $"    {label,-28} {line}\n");
                label = string.Empty;
                line.Clear();
            }

            line.Append(line.Length == 0 ? string.Empty : "  ").Append(metric);
        }

        text.Append(CultureInfo.InvariantCulture, $"    {label,-28} {line}\n");
    }

    /// <summary>The end state's checks, then the verdict.</summary>
    private static void AppendChecks(StringBuilder text, ScenarioResult r)
    {
        text.AppendLine().AppendLine("  End state:");
        foreach (var c in r.Checks)
        {
            text.Append(CultureInfo.InvariantCulture, $"    {(c.Passed ? "PASS" : "FAIL")}  {c.Name}: {Fit(c.Detail, 100)}\n");
        }

        text.AppendLine();
        if (r.Passed)
        {
            text.Append(CultureInfo.InvariantCulture, $"  PASSED  {r.Scenario}: {r.Actual} as expected; {r.Checks.Count} checks passed.\n");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture,
                $"  FAILED  {r.Scenario}: expected {r.Expected}, got {r.Actual?.ToString() ?? "no result"}; "
                + $"{r.Checks.Count(c => !c.Passed)} of {r.Checks.Count} checks failed.\n");
        }
    }

    public static string Clock(TimeSpan t) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}:{t.Seconds:00}.{t.Milliseconds:000}");

    public static string Took(TimeSpan t) =>
        t < TimeSpan.FromSeconds(1)
            ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalMilliseconds:0} ms")
            : t < TimeSpan.FromMinutes(1) ? string.Create(CultureInfo.InvariantCulture, $"{t.TotalSeconds:0.00} s") : Clock(t);

    private static string Fit(string text, int width)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= width ? line : line[..(width - 3)] + "...";
    }
}
