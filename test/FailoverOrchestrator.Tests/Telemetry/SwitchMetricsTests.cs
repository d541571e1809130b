using System.Text.Json;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Telemetry;
using FailoverOrchestrator.Tests.TestSupport;
using FailoverOrchestrator.Triggers;
using Microsoft.Extensions.Time.Testing;

namespace FailoverOrchestrator.Tests.Telemetry;

public sealed class SwitchMetricsTests : IDisposable
{
    private readonly StringWriter _output = new();

    [Theory]
    [InlineData(Outcome.Planned)]
    [InlineData(Outcome.Status)]
    [InlineData(Outcome.Ignored)]
    [InlineData(Outcome.Rejected)]
    public void Record_NoSwitch_WritesNothing(Outcome outcome)
    {
        using var meter = InvocationMeter.Start();

        CreateSut()
            .Record(new FailoverResult { Outcome = outcome, App = "shop" }, TestConfig.Shop(), TriggerCommand.Failover, meter,
            TimeSpan.FromMilliseconds(5));

        Assert.Equal(string.Empty, _output.ToString());
    }

    [Fact]
    public void Record_FailedBackTowardsThePrimary_DirectionFailbackAndCompleted()
    {
        var app = TestConfig.Shop();
        using var meter = InvocationMeter.Start();
        var result = new FailoverResult
        {
            Outcome = Outcome.FailedBack,
            App = "shop",
            TargetRegion = app.PrimaryRegion,
            Steps = [EmbeddedMetricFormatTests.Step("Preflight", StepStatus.Succeeded, 10)],
        };

        CreateSut().Record(result, app, TriggerCommand.Failback, meter, TimeSpan.FromMilliseconds(40));

        var root = SingleDocument();
        Assert.Equal("Failback", root.GetProperty("Direction").GetString());
        Assert.Equal(1, root.GetProperty("SwitchesCompleted").GetInt64());
        Assert.Equal(40, root.GetProperty("OrchestrationTime").GetInt64());
    }

    [Fact]
    public void Record_BlockedByPreflight_StartedAndBlocked()
    {
        var app = TestConfig.Shop();
        using var meter = InvocationMeter.Start();
        var result = new FailoverResult
        {
            Outcome = Outcome.Blocked,
            App = "shop",
            TargetRegion = app.StandbyRegion,
            Steps = [EmbeddedMetricFormatTests.Step("Preflight", StepStatus.Blocked, 10),
                EmbeddedMetricFormatTests.Step("EcsScaleUp", StepStatus.NotRun, 0)],
        };

        CreateSut().Record(result, app, TriggerCommand.Failover, meter, TimeSpan.FromMilliseconds(12));

        var root = SingleDocument();
        Assert.Equal(1, root.GetProperty("SwitchesStarted").GetInt64());
        Assert.Equal(1, root.GetProperty("SwitchesBlocked").GetInt64());
        Assert.Equal(0, root.GetProperty("SwitchesCompleted").GetInt64());
        Assert.Equal("Failover", root.GetProperty("Direction").GetString());
    }

    [Fact]
    public void Record_BlockedBecauseTheAppIsFailed_NotStarted()
    {
        using var meter = InvocationMeter.Start();

        CreateSut()
            .Record(new FailoverResult { Outcome = Outcome.Blocked, App = "shop" }, TestConfig.Shop(), TriggerCommand.Failover, meter,
            TimeSpan.FromMilliseconds(3));

        Assert.Equal(0, SingleDocument().GetProperty("SwitchesStarted").GetInt64());
    }

    [Fact]
    public void RecordFailure_FailbackCommand_FailedWithExecutionId()
    {
        using var meter = InvocationMeter.Start();

        CreateSut().RecordFailure(TestConfig.Shop(), TriggerCommand.Failback, "shop-1", null, meter, TimeSpan.FromSeconds(1));

        var root = SingleDocument();
        Assert.Equal(1, root.GetProperty("SwitchesFailed").GetInt64());
        Assert.Equal("Error", root.GetProperty("Outcome").GetString());
        Assert.Equal("shop-1", root.GetProperty("ExecutionId").GetString());
        Assert.Equal("Failback", root.GetProperty("Direction").GetString());
    }

    [Fact]
    public void RecordFailure_ResumeOfAFailbackTowardsThePrimary_DirectionFailback()
    {
        using var meter = InvocationMeter.Start();
        var app = TestConfig.Shop();

        CreateSut().RecordFailure(app, TriggerCommand.Resume, "shop-2", app.PrimaryRegion, meter, TimeSpan.FromSeconds(1));

        Assert.Equal("Failback", SingleDocument().GetProperty("Direction").GetString());
    }

    [Fact]
    public void RecordFailure_ResumeOfAFailoverTowardsTheStandby_DirectionFailover()
    {
        using var meter = InvocationMeter.Start();
        var app = TestConfig.Shop();

        CreateSut().RecordFailure(app, TriggerCommand.Resume, "shop-2", app.StandbyRegion, meter, TimeSpan.FromSeconds(1));

        Assert.Equal("Failover", SingleDocument().GetProperty("Direction").GetString());
    }

    public void Dispose() => _output.Dispose();

    private SwitchMetrics CreateSut() =>
        new(_output, new FakeTimeProvider(DateTimeOffset.Parse("2026-03-04T08:01:05Z", System.Globalization.CultureInfo.InvariantCulture)));

    private JsonElement SingleDocument()
    {
        var lines = _output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return JsonDocument.Parse(Assert.Single(lines)).RootElement.Clone();
    }
}
