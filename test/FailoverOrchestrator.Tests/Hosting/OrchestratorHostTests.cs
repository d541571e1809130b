using System.Text;
using System.Text.Json;
using FailoverOrchestrator.Hosting;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Telemetry;
using FailoverOrchestrator.Tests.TestSupport;
using FailoverOrchestrator.Triggers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FailoverOrchestrator.Tests.Hosting;

public class OrchestratorHostTests
{
    private readonly AwsMocks _aws = new();

    [Theory]
    [MemberData(nameof(BadInputs.All), MemberType = typeof(BadInputs))]
    public async Task InvokeAsync_BadInput_RejectedWithMessageAndNoCall(string name, string payload, string expected)
    {
        var result = await CreateSut().InvokeAsync(Encoding.UTF8.GetBytes(payload), CancellationToken.None);

        Assert.Equal(Outcome.Rejected, result.Outcome);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(name));
        _aws.VerifyNoCalls();
    }

    [Fact]
    public void BadInputs_Count_AtLeastThirtyDistinct()
    {
        var names = BadInputs.All.Select(row => (string)row[0]).ToList();

        Assert.True(names.Count >= 30, $"{names.Count} bad inputs");
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Theory]
    [InlineData("alarm-ok.json", "went to OK")]
    [InlineData("alarm-insufficient-data.json", "went to INSUFFICIENT_DATA")]
    [InlineData("alarm-composite-ok.json", "went to OK")]
    [InlineData("alarm-unknown.json", "alarm 'billing-latency-high' is not configured for any app")]
    [InlineData("alarm-foreign-account.json", "comes from account 999988887777, but app 'shop' expects account 111122223333")]
    public async Task InvokeAsync_NotActionableAlarm_IgnoredWithReasonAndNoCall(string sample, string expected)
    {
        var result = await CreateSut().InvokeAsync(TestConfig.Event(sample), CancellationToken.None);

        Assert.Equal(Outcome.Ignored, result.Outcome);
        Assert.Contains(expected, result.Reason, StringComparison.Ordinal);
        _aws.VerifyNoCalls();
    }

    [Fact]
    public void Serialize_Result_UsesContractFieldNamesAndStringOutcomes()
    {
        var result = new FailoverResult
        {
            Outcome = Outcome.FailedOver,
            App = "shop",
            ExecutionId = "e1",
            ActiveRegion = "us-west-2",
            TargetRegion = "us-west-2",
            Steps =
                [new StepResult { Name = "Preflight", Status = StepStatus.Succeeded, StartedAt = DateTimeOffset.UnixEpoch, DurationMs = 12,
                Detail = "ready" }],
            Reason = "alarm",
        };

        using var document = JsonDocument.Parse(OrchestratorHost.Serialize(result));

        var root = document.RootElement;
        Assert.Equal("FailedOver", root.GetProperty("outcome").GetString());
        Assert.Equal("shop", root.GetProperty("app").GetString());
        Assert.Equal("e1", root.GetProperty("executionId").GetString());
        Assert.Equal("us-west-2", root.GetProperty("activeRegion").GetString());
        Assert.Equal("us-west-2", root.GetProperty("targetRegion").GetString());
        Assert.Equal("alarm", root.GetProperty("reason").GetString());
        var step = root.GetProperty("steps")[0];
        Assert.Equal("Preflight", step.GetProperty("name").GetString());
        Assert.Equal("Succeeded", step.GetProperty("status").GetString());
        Assert.Equal(12, step.GetProperty("durationMs").GetInt64());
        Assert.Equal("ready", step.GetProperty("detail").GetString());
        Assert.True(step.TryGetProperty("startedAt", out _));
    }

    [Fact]
    public async Task ReadPayloadAsync_StreamPastWhatLambdaDelivers_StopsOneChunkPastItAndSaysMoreThan()
    {
        var big = new MemoryStream(new byte[10 * 1024 * 1024]);

        var payload = await OrchestratorHost.ReadPayloadAsync(big, CancellationToken.None);

        Assert.InRange(payload.Length, TriggerParser.MaxDeliveredBytes + 1, TriggerParser.MaxDeliveredBytes + (16 * 1024));
        Assert.StartsWith($"the payload is more than {TriggerParser.MaxDeliveredBytes} bytes", TriggerParser.Parse(payload).Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_FailoverThatThrows_OneMetricLineCountingAFailedSwitch()
    {
        _aws.State.Setup(s => s.EnsureAsync("shop", It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("state table unreachable"));
        using var metrics = new StringWriter();

        await Assert.ThrowsAsync<TimeoutException>(() =>
            CreateSut(metrics).InvokeAsync(TestConfig.Event("alarm-lambda-action.json"), CancellationToken.None));

        using var line = JsonDocument.Parse(metrics.ToString());
        Assert.Equal(1, line.RootElement.GetProperty("SwitchesFailed").GetInt64());
        Assert.Equal("Error", line.RootElement.GetProperty("Outcome").GetString());
    }

    [Fact]
    public async Task InvokeAsync_StatusThatThrows_NoMetricLine()
    {
        _aws.State.Setup(s => s.GetAsync("shop", It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("state table unreachable"));
        using var metrics = new StringWriter();
        var status = Encoding.UTF8.GetBytes("{\"command\":\"status\",\"app\":\"shop\"}");

        await Assert.ThrowsAsync<TimeoutException>(() => CreateSut(metrics).InvokeAsync(status, CancellationToken.None));

        Assert.Equal(string.Empty, metrics.ToString());
    }

    private OrchestratorHost CreateSut(TextWriter? metrics = null)
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-04T08:01:05Z", System.Globalization.CultureInfo.InvariantCulture));
        return new(TestConfig.Load(), _aws.Dependencies, time, NullLoggerFactory.Instance, metrics is null
            ? null : new SwitchMetrics(metrics, time));
    }
}
