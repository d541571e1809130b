using System.Text.Json;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.Coordination.Failures;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.Faults;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.IntegrationTests.Telemetry;

/// <summary>The metric lines of real invocations against dynalite and LocalCloud over HTTP.</summary>
public class SwitchMetricsTests
{
    [Fact]
    public async Task HandleAsync_Failover_OneMetricLineWhoseAwsWaitCoversTheRequestsAndTheDnsWait()
    {
        // DNS takes 300 ms to reach INSYNC, so the DNS step's polls are part of the time waiting on AWS.
        await using var world = await WorldHarness.StartAsync(cloud: new LocalCloudOptions
        {
            ChangePropagationDelay = TimeSpan.FromMilliseconds(300),
            EcsTasksPerSecond = double.PositiveInfinity,
            AccountId = "111122223333",
        });
        using var metrics = new StringWriter();
        using var function = world.CreateFunction(metrics: metrics);

        var (result, error) = await WorldHarness.InvokeAsync(function, world.Alarm());

        Assert.Null(error);
        Assert.Equal(Outcome.FailedOver, result!.Outcome);
        using var document = JsonDocument.Parse(Assert.Single(metrics.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var root = document.RootElement;
        Assert.Equal(("shop", "Failover", "FailedOver"),
            (root.GetProperty("App").GetString(), root.GetProperty("Direction").GetString(), root.GetProperty("Outcome").GetString()));
        Assert.Equal(result.ExecutionId, root.GetProperty("ExecutionId").GetString());
        Assert.Equal((1, 1, 0),
            (root.GetProperty("SwitchesStarted").GetInt64(), root.GetProperty("SwitchesCompleted").GetInt64(),
            root.GetProperty("SwitchesFailed").GetInt64()));
        var orchestration = root.GetProperty("OrchestrationTime").GetInt64();
        var aws = root.GetProperty("AwsWaitTime").GetInt64();
        var overhead = root.GetProperty("OverheadTime").GetInt64();
        Assert.InRange(aws, 300, orchestration);
        // Each figure is rounded to the millisecond on its own.
        Assert.InRange(aws + overhead, orchestration - 1, orchestration + 1);
        foreach (var step in result.Steps)
        {
            Assert.Equal(step.DurationMs, root.GetProperty($"{step.Name}Duration").GetInt64());
        }
    }

    [Fact]
    public async Task HandleAsync_ResumeOfAFailedFailbackFailsAgain_CountedAsAFailedFailback()
    {
        // The failback fails at DNS past its one attempt; the operator's resume meets the same fault. A resume names no
        // direction: the line must take it from the execution it resumed (towards the primary), not call it a failover.
        await using var world = await WorldHarness.StartAsync([new("Orchestrator:Apps:shop:MaxAttempts", "1")]);
        await world.InvokeAsync(world.Alarm());
        world.Cloud.Faults.Arm(new FaultRule(LocalService.Route53, "ChangeResourceRecordSets", FaultKind.ServiceUnavailable));
        var (_, failback) = await world.InvokeAsync(WorldHarness.Command("failback", "\"confirm\":\"shop\""));
        using var metrics = new StringWriter();
        using var function = world.CreateFunction(metrics: metrics);

        var (_, resume) = await WorldHarness.InvokeAsync(function, WorldHarness.Command("resume", "\"confirm\":\"shop\""));

        Assert.IsType<ExecutionFailedException>(failback);
        var failed = Assert.IsType<ExecutionFailedException>(resume);
        using var document = JsonDocument.Parse(Assert.Single(metrics.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var root = document.RootElement;
        Assert.Equal(("Failback", "Error", failed.ExecutionId),
            (root.GetProperty("Direction").GetString(), root.GetProperty("Outcome").GetString(),
            root.GetProperty("ExecutionId").GetString()));
        Assert.Equal(1, root.GetProperty("SwitchesFailed").GetInt64());
    }

    [Fact]
    public async Task HandleAsync_DuplicateAfterTheSwitch_CountsADuplicateAndNoSwitch()
    {
        await using var world = await WorldHarness.StartAsync();
        var alarm = world.Alarm();
        await world.InvokeAsync(alarm);
        using var metrics = new StringWriter();
        using var function = world.CreateFunction(metrics: metrics);

        var (result, _) = await WorldHarness.InvokeAsync(function, alarm);

        Assert.Equal(Outcome.AlreadyInTargetState, result!.Outcome);
        using var document = JsonDocument.Parse(metrics.ToString());
        Assert.Equal(1, document.RootElement.GetProperty("DuplicateDeliveries").GetInt64());
        Assert.Equal(0, document.RootElement.GetProperty("SwitchesStarted").GetInt64());
        Assert.False(document.RootElement.TryGetProperty("OrchestrationTime", out _));
    }
}
