using System.Text.Json;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Telemetry;

namespace FailoverOrchestrator.Tests.Telemetry;

public class EmbeddedMetricFormatTests
{
    private static readonly DateTimeOffset Now =
        DateTimeOffset.Parse("2026-03-04T08:01:05Z", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Write_CompletedFailover_CountsTimesAndStepDurationsUnderAppAndDirection()
    {
        var sample = Sample() with
        {
            Started = true,
            Completed = true,
            Orchestration = TimeSpan.FromMilliseconds(4_380),
            AwsRequests = TimeSpan.FromMilliseconds(1_100),
            AwsPolls = TimeSpan.FromMilliseconds(3_000),
            Steps =
            [
                Step("Preflight", StepStatus.Succeeded, 73),
                Step("DnsUpsert", StepStatus.Succeeded, 3_020),
                Step("AuditLog", StepStatus.NotRun, 0),
            ],
        };

        using var document = JsonDocument.Parse(EmbeddedMetricFormat.Write(sample));

        var root = document.RootElement;
        var directive = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0];
        AssertDirectiveForAppAndDirection(root, directive);
        AssertCountsTimesAndStepDurations(root);
        var declared = directive.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()!).ToList();
        Assert.All(declared, name => Assert.Equal(JsonValueKind.Number, root.GetProperty(name).ValueKind));
        var acrossApps = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[1];
        Assert.Equal("[[]]", acrossApps.GetProperty("Dimensions").GetRawText());
        Assert.Equal(["SwitchesFailed", "SwitchesBlocked", "OrchestrationTime"],
            acrossApps.GetProperty("Metrics").EnumerateArray().Select(m => m.GetProperty("Name").GetString()));
        Assert.Equal("Milliseconds",
            directive.GetProperty(
            "Metrics").EnumerateArray().Single(
            m => m.GetProperty("Name").GetString() == "OrchestrationTime").GetProperty("Unit").GetString());
    }

    [Fact]
    public void Write_DuplicateDeliveryThatWaitedOutALease_CountsAndLeaseWaitWithoutSwitchTimes()
    {
        var sample = Sample() with { Duplicate = true, LeaseWait = TimeSpan.FromSeconds(2.5), Orchestration = TimeSpan.FromSeconds(2.6) };

        using var document = JsonDocument.Parse(EmbeddedMetricFormat.Write(sample));

        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("DuplicateDeliveries").GetInt64());
        Assert.Equal(0, root.GetProperty("SwitchesStarted").GetInt64());
        Assert.Equal(2_500, root.GetProperty("LeaseWaitTime").GetInt64());
        Assert.False(root.TryGetProperty("OrchestrationTime", out _));
        var acrossApps = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[1].GetProperty("Metrics");
        Assert.Equal(["SwitchesFailed", "SwitchesBlocked"], acrossApps.EnumerateArray().Select(m => m.GetProperty("Name").GetString()));
    }

    [Fact]
    public void Write_SwitchThatMeasuredItsRpo_ReplicationLagBoundInMilliseconds()
    {
        var sample = Sample() with { Blocked = true, ReplicationLagBound = TimeSpan.FromSeconds(193.6) };

        using var document = JsonDocument.Parse(EmbeddedMetricFormat.Write(sample));

        var root = document.RootElement;
        var declared = root.GetProperty("_aws").GetProperty("CloudWatchMetrics")[0].GetProperty("Metrics").EnumerateArray()
            .Single(m => m.GetProperty("Name").GetString() == "ReplicationLagBound");
        Assert.Equal("Milliseconds", declared.GetProperty("Unit").GetString());
        Assert.Equal(193_600, root.GetProperty("ReplicationLagBound").GetInt64());
    }

    [Fact]
    public void Write_RpoUnknown_NoReplicationLagMetric()
    {
        using var document = JsonDocument.Parse(EmbeddedMetricFormat.Write(Sample() with { Started = true }));

        Assert.False(document.RootElement.TryGetProperty("ReplicationLagBound", out _));
    }

    [Fact]
    public void Write_AwsWaitLongerThanMeasuredOrchestration_OverheadNeverNegative()
    {
        var sample =
            Sample() with { Started = true, Orchestration = TimeSpan.FromMilliseconds(100), AwsPolls = TimeSpan.FromMilliseconds(150) };

        using var document = JsonDocument.Parse(EmbeddedMetricFormat.Write(sample));

        Assert.Equal(0, document.RootElement.GetProperty("OverheadTime").GetInt64());
    }

    [Fact]
    public void Write_AnySample_IsOneLine()
    {
        var line = EmbeddedMetricFormat.Write(Sample() with { Started = true, Steps = [Step("Preflight", StepStatus.Blocked, 5)] });

        Assert.DoesNotContain('\n', line);
    }

    private static void AssertDirectiveForAppAndDirection(JsonElement root, JsonElement directive)
    {
        Assert.Equal(Now.ToUnixTimeMilliseconds(), root.GetProperty("_aws").GetProperty("Timestamp").GetInt64());
        Assert.Equal("FailoverOrchestrator", directive.GetProperty("Namespace").GetString());
        Assert.Equal("[[\"App\",\"Direction\"]]", directive.GetProperty("Dimensions").GetRawText());
        Assert.Equal("shop", root.GetProperty("App").GetString());
        Assert.Equal("Failover", root.GetProperty("Direction").GetString());
    }

    /// <summary>The completed failover's counts, its times (AWS wait = requests + polls, the rest overhead), and a
    /// duration per step that ran.</summary>
    private static void AssertCountsTimesAndStepDurations(JsonElement root)
    {
        Assert.Equal(1, root.GetProperty("SwitchesStarted").GetInt64());
        Assert.Equal(1, root.GetProperty("SwitchesCompleted").GetInt64());
        Assert.Equal(0, root.GetProperty("SwitchesFailed").GetInt64());
        Assert.Equal(4_380, root.GetProperty("OrchestrationTime").GetInt64());
        Assert.Equal(4_100, root.GetProperty("AwsWaitTime").GetInt64());
        Assert.Equal(280, root.GetProperty("OverheadTime").GetInt64());
        Assert.Equal(73, root.GetProperty("PreflightDuration").GetInt64());
        Assert.Equal(3_020, root.GetProperty("DnsUpsertDuration").GetInt64());
        Assert.False(root.TryGetProperty("AuditLogDuration", out _));
    }

    internal static SwitchMetricsSample Sample() => new()
    {
        App = "shop",
        Direction = "Failover",
        Outcome = "FailedOver",
        ExecutionId = "shop-20260304T080105Z-1",
        Timestamp = Now,
    };

    internal static StepResult Step(string name, StepStatus status, long durationMs) =>
        new() { Name = name, Status = status, StartedAt = status == StepStatus.NotRun ? null : Now, DurationMs = durationMs };
}
