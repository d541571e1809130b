using System.Diagnostics;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Telemetry;

namespace FailoverOrchestrator.Tests.Telemetry;

/// <summary>
/// The metric lines checked by something we did not write: python-jsonschema (the one cfn-lint ships with) against the
/// JSON schema AWS publishes in "Specification: Embedded metric format" (Amazon CloudWatch User Guide; transcribed in
/// Fixtures/emf/emf-schema.json), plus the rules that specification states in prose (every dimension a string member
/// of the root node, every metric a number there, at most 100 metrics, no duplicate keys) in Fixtures/emf/check_emf.py.
/// That page's schema allows 9 keys per dimension set; the current page allows 30: we use 2, within both.
/// </summary>
public class EmbeddedMetricSchemaTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Fixtures", "emf");

    [Fact]
    public void Write_EverySampleKind_ValidAgainstThePublishedSchema()
    {
        var samples = new[]
        {
            EmbeddedMetricFormatTests.Sample() with
            {
                Started = true,
                Completed = true,
                Orchestration = TimeSpan.FromSeconds(4.4),
                AwsRequests = TimeSpan.FromSeconds(1.1),
                AwsPolls = TimeSpan.FromSeconds(3),
                Steps = [.. new[] { "Preflight", "EcsScaleUp", "PromoteWriter", "DnsUpsert", "SnsNotify", "AuditLog" }
                    .Select(name => EmbeddedMetricFormatTests.Step(name, StepStatus.Succeeded, 10))],
            },
            EmbeddedMetricFormatTests.Sample() with { Outcome = "Blocked", Started = true, Blocked = true,
                Steps = [EmbeddedMetricFormatTests.Step("Preflight", StepStatus.Blocked, 9)] },
            EmbeddedMetricFormatTests.Sample() with { Outcome = "Suppressed", Suppressed = true },
            EmbeddedMetricFormatTests.Sample() with { Outcome = "AlreadyInTargetState", Duplicate = true,
                LeaseWait = TimeSpan.FromSeconds(2) },
            EmbeddedMetricFormatTests.Sample() with { Outcome = "Error", Direction = "Failback", ExecutionId = null, Started = true,
                Failed = true },
        };

        var (exit, report) = Check(samples.Select(EmbeddedMetricFormat.Write));

        Assert.True(exit == 0, report);
        Assert.Contains("0 problem(s)", report, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_BrokenDocuments_EachReported()
    {
        string[] broken =
        [
            // A declared metric with no member on the root node.
            """{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["App"]],"Metrics":[{"Name":"Gone"}]}]},"App":"shop"}""",
            // A unit CloudWatch does not know.
            """{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["App"]],"Metrics":[{"Name":"T","Unit":"ms"}]}]},"App":"shop","T":1}""",
            // A dimension that is a number, and a duplicate key.
            """{"_aws":{"Timestamp":1,"CloudWatchMetrics":[{"Namespace":"N","Dimensions":[["App"]],"Metrics":[{"Name":"T"}]}]},"App":1,"T":1,"T":2}""",
        ];

        var (exit, report) = Check(broken);

        Assert.Equal(1, exit);
        Assert.Contains("line 1: metric 'Gone'", report, StringComparison.Ordinal);
        Assert.Contains("line 2: 'ms' does not match", report, StringComparison.Ordinal);
        Assert.Contains("line 3: duplicate keys ['T']", report, StringComparison.Ordinal);
    }

    private static (int Exit, string Report) Check(IEnumerable<string> lines)
    {
        var file = Path.Combine(Path.GetTempPath(), $"emf-{Guid.NewGuid():N}.jsonl");
        File.WriteAllLines(file, lines);
        try
        {
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(Path.Combine(Folder, "check_emf.py"));
            start.ArgumentList.Add(Path.Combine(Folder, "emf-schema.json"));
            start.ArgumentList.Add(file);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, stdout.Result + stderr.Result);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
