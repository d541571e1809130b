using System.Text.RegularExpressions;
using FailoverOrchestrator.IntegrationTests.World;
using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.LocalCloud.Faults;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.IntegrationTests.Operations;

public class StatusTests
{
    [Fact]
    public async Task HandleAsync_StatusBeforeAnyExecution_PrimaryActiveAndNothingWritten()
    {
        await using var world = await WorldHarness.StartAsync();
        var before = await WorldSnapshot.TakeAsync(world);

        var (result, _) = await world.InvokeAsync(WorldHarness.Command("status"));

        Assert.Equal(Outcome.Status, result!.Outcome);
        Assert.Equal(("Steady", "us-east-1", 0L), (result.Status!.Phase, result.ActiveRegion, result.Status.Epoch));
        Assert.Empty(result.Status.RecentEvents);
        Assert.Equal(before, await WorldSnapshot.TakeAsync(world));
    }

    [Fact]
    public async Task HandleAsync_StatusAfterFailover_StateEpochAndStepTimingsFromTheAuditTable()
    {
        await using var world = await WorldHarness.StartAsync();
        var (over, _) = await world.InvokeAsync(world.Alarm());

        var (result, _) = await world.InvokeAsync(WorldHarness.Command("status"));

        var status = result!.Status!;
        Assert.Equal(("Steady", "us-west-2", 1L, null), (status.Phase, result.ActiveRegion, status.Epoch, status.LeaseHolder));
        Assert.Equal(over!.ExecutionId, result.ExecutionId);
        foreach (var step in new[] { "Preflight", "EcsScaleUp", "TargetHealthy", "PromoteWriter", "DnsUpsert", "SnsNotify" })
        {
            Assert.Contains(status.RecentEvents, e =>
                Regex.IsMatch(e, $@" {Regex.Escape(over.ExecutionId!)} epoch 1 StepSucceeded {step} \d+ms: "));
        }

        Assert.Contains(status.RecentEvents, e => e.Contains(" Completed: FailedOver: us-west-2 is active", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_StatusAfterARetryableFailure_ShowsTheLeaseHolderAttemptAndCheckpoint()
    {
        await using var world = await WorldHarness.StartAsync();
        world.Cloud.Faults.Arm(new FaultRule(LocalService.Route53, "ChangeResourceRecordSets", FaultKind.ServiceUnavailable));
        var (_, thrown) = await world.InvokeAsync(world.Alarm());

        var (result, _) = await world.InvokeAsync(WorldHarness.Command("status"));

        Assert.NotNull(thrown);
        var status = result!.Status!;
        Assert.Equal(("FailingOver", "us-east-1", "us-west-2", 1),
            (status.Phase, result.ActiveRegion, result.TargetRegion, status.Attempts));
        Assert.Equal(result.ExecutionId, status.LeaseHolder);
        Assert.Equal(["Preflight", "EcsScaleUp", "TargetHealthy", "PromoteWriter"], status.CompletedSteps);
        Assert.Contains(status.RecentEvents, e => e.Contains(" StepFailed DnsUpsert ", StringComparison.Ordinal));
        // Not terminal yet: on-call hears that Lambda's retry will resume, and how to watch it.
        var message = Assert.Single(world.Cloud.Sns.GetMessages());
        Assert.Equal("[failover] RETRYING shop -> us-west-2", message.Subject);
        OnCallMessages.AssertReadable(message, "us-east-1", withSteps: true);
    }
}
