using System.Text.Json;
using System.Text.RegularExpressions;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Telemetry;

namespace FailoverOrchestrator.Infra.Tests.Templates;

/// <summary>
/// The dashboard and the slow-switch alarm read the metrics the function writes as Embedded Metric Format lines:
/// every name they use must be one the function emits, with the dimensions it emits it under.
/// </summary>
public partial class MetricsDashboardTests
{
    private static readonly CfnTemplate Template = CfnTemplate.Load(Path.Combine(RepositoryFiles.Root, "infra", "template.yaml"));

    [Fact]
    public void DashboardBody_AfterSubstitution_JsonWhoseSearchesNameEmittedMetrics()
    {
        var body = Intrinsic.Text(Template.Properties("Dashboard")["DashboardBody"]?["Fn::Sub"])!;

        using var dashboard = JsonDocument.Parse(Substitution().Replace(body, "x"));

        var searched = SearchedMetric().Matches(body).Select(m => m.Groups["name"].Value).ToList();
        Assert.NotEmpty(searched);
        var (byApp, _) = Emitted();
        Assert.All(searched, name => Assert.Contains(name, byApp));
        Assert.Contains("SEARCH('{FailoverOrchestrator,App,Direction} Duration'", body, StringComparison.Ordinal);
        Assert.Contains(byApp, name => name.EndsWith("Duration", StringComparison.Ordinal));
        Assert.Equal(4, dashboard.RootElement.GetProperty("widgets").GetArrayLength());
    }

    [Fact]
    public void DashboardBody_AlarmWidget_NamesAlarmsOfThisTemplate()
    {
        var body = Intrinsic.Text(Template.Properties("Dashboard")["DashboardBody"]?["Fn::Sub"])!;

        var alarms = AlarmReference().Matches(body).Select(m => m.Groups["id"].Value).ToList();

        Assert.NotEmpty(alarms);
        Assert.All(alarms, id => Assert.Equal("AWS::CloudWatch::Alarm", Intrinsic.Text(Template.Resource(id)["Type"])));
    }

    [Fact]
    public void SlowSwitchAlarm_Metric_EmittedWithoutDimensionsInTheFunctionsNamespace()
    {
        var alarm = Template.Properties("SlowSwitchAlarm");

        var (_, acrossApps) = Emitted();

        Assert.Equal(EmbeddedMetricFormat.Namespace, Intrinsic.Text(alarm["Namespace"]));
        Assert.Contains(Intrinsic.Text(alarm["MetricName"])!, acrossApps);
        Assert.Null(alarm["Dimensions"]);
    }

    /// <summary>The metric names of a completed switch's line: those under App and Direction, and those with no dimension.</summary>
    private static (IReadOnlyList<string> ByApp, IReadOnlyList<string> AcrossApps) Emitted()
    {
        var line = EmbeddedMetricFormat.Write(new SwitchMetricsSample
        {
            App = "shop",
            Direction = "Failover",
            Outcome = "FailedOver",
            Timestamp = DateTimeOffset.UnixEpoch,
            Started = true,
            Completed = true,
            LeaseWait = TimeSpan.FromSeconds(1),
            ReplicationLagBound = TimeSpan.FromSeconds(1),
            Steps = [
                new StepResult { Name = "Preflight", Status = StepStatus.Succeeded, StartedAt = DateTimeOffset.UnixEpoch, DurationMs = 5 }],
        });
        using var document = JsonDocument.Parse(line);
        var directives = document.RootElement.GetProperty("_aws").GetProperty("CloudWatchMetrics");
        static List<string> Names(JsonElement directive) => directive.GetProperty("Metrics").EnumerateArray()
            .Select(m => m.GetProperty("Name").GetString()!).ToList();
        return (Names(directives[0]), Names(directives[1]));
    }

    [GeneratedRegex(@"\$\{[^}]+\}")]
    private static partial Regex Substitution();

    [GeneratedRegex(@"MetricName=\\""(?<name>[A-Za-z]+)\\""")]
    private static partial Regex SearchedMetric();

    [GeneratedRegex(@"\$\{(?<id>[A-Za-z0-9]+)\.Arn\}")]
    private static partial Regex AlarmReference();
}
