using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Coordination.Failures;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.Faults;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.IntegrationTests.Operations;

public class RecoveryTests
{
    private static readonly string Resume = WorldHarness.Command("resume", "\"confirm\":\"shop\"");
    private static readonly string Reset = WorldHarness.Command("reset", "\"region\":\"us-east-1\",\"confirm\":\"shop\"");

    [Fact]
    public async Task HandleAsync_DnsFailsPastRetriesThenResume_FailedThenCompletesFromTheCheckpoint()
    {
        await using var world = await FailAtDnsAsync();

        var (failed, thrown) = await world.InvokeAsync(world.Alarm());
        var afterFailure = (await world.InvokeAsync(WorldHarness.Command("status"))).Result!;
        world.Clock.Jump(TimeSpan.FromSeconds(5));
        var (alarm, _) = await world.InvokeAsync(world.Alarm());
        world.Cloud.Faults.Clear();
        var (resumed, error) = await world.InvokeAsync(Resume);

        Assert.Null(failed);
        var execution = Assert.IsType<ExecutionFailedException>(thrown);
        Assert.Equal("DnsUpsert", execution.Step);
        Assert.Equal("Failed", afterFailure.Status!.Phase);
        Assert.Equal(["Preflight", "EcsScaleUp", "TargetHealthy", "PromoteWriter"], afterFailure.Status.CompletedSteps);
        Assert.Contains("ServiceUnavailable", afterFailure.Status.LastError);
        Assert.Equal(Outcome.Blocked, alarm!.Outcome);
        Assert.Contains("\"command\":\"resume\"", alarm.Reason);
        Assert.Null(error);
        Assert.Equal(Outcome.FailedOver, resumed!.Outcome);
        Assert.Equal(execution.ExecutionId, resumed.ExecutionId);
        Assert.Equal(
            [StepStatus.SkippedCompleted, StepStatus.SkippedCompleted, StepStatus.SkippedCompleted, StepStatus.SkippedCompleted,
                StepStatus.Succeeded, StepStatus.Succeeded, StepStatus.Succeeded],
            resumed.Steps.Select(s => s.Status));
        var record = world.Cloud.Route53.FindRecord(world.App.Dns.HostedZoneId, "api.example.com.", "A")!;
        Assert.Equal("shop-usw2-456.us-west-2.elb.amazonaws.com.", record.AliasTarget!.DnsName);
        Assert.Equal(1, world.Cloud.Calls.Count(LocalService.Ecs, "UpdateService"));
    }

    [Fact]
    public async Task HandleAsync_StepFailsPastRetries_OneFailedMessageNamingStepAndNextCommands()
    {
        await using var world = await FailAtDnsAsync();

        await world.InvokeAsync(world.Alarm());
        world.Clock.Jump(TimeSpan.FromSeconds(5));
        // A later alarm while Failed is answered Blocked without a message: the failed execution has already told on-call.
        await world.InvokeAsync(world.Alarm());

        var message = Assert.Single(world.Cloud.Sns.GetMessages());
        Assert.Equal("[failover] FAILED shop -> us-west-2", message.Subject);
        Assert.Contains("FAILED at step DnsUpsert", message.Message);
        Assert.Contains("\"command\":\"resume\"", message.Message);
        Assert.Contains("\"command\":\"reset\"", message.Message);
        // DNS never moved: the primary still serves.
        OnCallMessages.AssertReadable(message, "us-east-1", withSteps: true);
    }

    [Fact]
    public async Task HandleAsync_ResetFailedApp_SteadyInTheNamedRegionAuditedAndNotified()
    {
        await using var world = await FailAtDnsAsync();
        await world.InvokeAsync(world.Alarm());

        var (reset, error) = await world.InvokeAsync(Reset);
        var status = (await world.InvokeAsync(WorldHarness.Command("status"))).Result!;

        Assert.Null(error);
        Assert.Equal(Outcome.Status, reset!.Outcome);
        Assert.Contains("reset by operator from Failed", reset.Reason);
        // PromoteWriter had completed before DNS failed: reset moves nothing, so it says the writer is elsewhere.
        Assert.Contains("WARNING: the writer-control item shop-control/writer still names us-west-2", reset.Reason);
        Assert.Equal(("Steady", "us-east-1"), (status.Status!.Phase, status.ActiveRegion));
        Assert.Contains(status.Status.RecentEvents, e => e.Contains(" Reset: reset by operator from Failed", StringComparison.Ordinal));
        var messages = world.Cloud.Sns.GetMessages();
        Assert.Equal(["[failover] FAILED shop -> us-west-2", "[failover] RESET shop -> us-east-1"], messages.Select(m => m.Subject));
        OnCallMessages.AssertReadable(messages[1], "us-east-1", withSteps: false);
        Assert.Contains("still names us-west-2", messages[1].Message);
    }

    [Fact]
    public async Task HandleAsync_ResetToTheRegionThatIsWriter_NoWarning()
    {
        await using var world = await FailAtDnsAsync();
        await world.InvokeAsync(world.Alarm());

        var (reset, _) = await world.InvokeAsync(WorldHarness.Command("reset", "\"region\":\"us-west-2\",\"confirm\":\"shop\""));

        Assert.Equal(Outcome.Status, reset!.Outcome);
        Assert.Equal("us-west-2", reset.ActiveRegion);
        Assert.DoesNotContain("WARNING", reset.Reason);
    }

    [Fact]
    public async Task HandleAsync_ResetOrResumeSteadyApp_RejectedAndNothingWritten()
    {
        await using var world = await WorldHarness.StartAsync();
        await world.InvokeAsync(world.Alarm());
        var before = await WorldSnapshot.TakeAsync(world);

        var (reset, _) = await world.InvokeAsync(Reset);
        var (resume, _) = await world.InvokeAsync(Resume);

        Assert.Equal(Outcome.Rejected, reset!.Outcome);
        Assert.Contains("reset only applies to a Failed app", reset.Reason);
        Assert.Equal(Outcome.Rejected, resume!.Outcome);
        Assert.Contains("only a Failed execution can be resumed", resume.Reason);
        Assert.Equal(before, await WorldSnapshot.TakeAsync(world));
        Assert.Single(world.Cloud.Sns.GetMessages());
    }

    /// <summary>A world whose Route 53 refuses every record change; one attempt per execution, so the first failure is terminal.</summary>
    private static async Task<WorldHarness> FailAtDnsAsync()
    {
        var world = await WorldHarness.StartAsync([new("Orchestrator:Apps:shop:MaxAttempts", "1")]);
        world.Cloud.Faults.Arm(new FaultRule(LocalService.Route53, "ChangeResourceRecordSets", FaultKind.ServiceUnavailable));
        return world;
    }
}
