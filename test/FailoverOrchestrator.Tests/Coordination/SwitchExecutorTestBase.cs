using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Tests.TestSupport;
using FailoverOrchestrator.Triggers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace FailoverOrchestrator.Tests.Coordination;

/// <summary>
/// A <see cref="SwitchExecutor"/> over strict mocks of the state store, the audit log and SNS, with steps that record
/// that they ran. The executor's parts (taking the lease, answering a contender, running an execution, recording a
/// failure) are specified each in its own class through <see cref="SwitchExecutor.RunAsync"/>, the one entry that
/// composes them: what a part decides shows in the result, the state writes, the pages and the audit trail.
/// </summary>
public abstract class SwitchExecutorTestBase
{
    private protected readonly AwsMocks _aws = new();
    private protected readonly FakeTimeProvider _time = StepContexts.Clock();
    private protected readonly List<string> _ran = [];
    private protected readonly List<AuditEvent> _audit;
    private protected readonly List<(string Subject, string Message)> _notes;
    private protected readonly FailoverTrigger _alarm = TriggerParser.Parse(TestConfig.Event("alarm-lambda-action.json")).Trigger!;

    protected SwitchExecutorTestBase()
    {
        _audit = _aws.RecordAudit();
        _notes = _aws.RecordNotifications();
        AcceptFencedWrites();
        AcceptReadsAndClaims();
    }

    private protected static AppState Live() =>
        new() { App = "shop", ActiveRegion = "us-east-1", Phase = Phase.FailingOver, TargetRegion = "us-west-2", Epoch = 3,
            ExecutionId = "e0", LeaseExpiresAt = StepContexts.Clock().GetUtcNow().AddSeconds(30) };

    private protected AppState Holding(int attempts = 1, IReadOnlyList<string>? completed = null, Phase phase = Phase.FailingOver,
        string target = "us-west-2") => new()
    {
        App = "shop",
        ActiveRegion = phase == Phase.FailingOver ? "us-east-1" : "us-west-2",
        Phase = phase,
        TargetRegion = target,
        Epoch = 3,
        ExecutionId = "shop-exec",
        Attempts = attempts,
        CompletedSteps = completed ?? [],
        LeaseExpiresAt = _time.GetUtcNow().AddSeconds(120),
    };

    private protected void Acquire(AppState state) =>
        _aws.State.Setup(s => s.TryAcquireAsync(It.IsAny<AcquireRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync(state);

    private protected void Lose(AppState current)
    {
        _aws.State.Setup(s => s.TryAcquireAsync(It.IsAny<AcquireRequest>(), It.IsAny<CancellationToken>())).ReturnsAsync((AppState?)null);
        _aws.State.Setup(s => s.GetAsync("shop", It.IsAny<CancellationToken>())).ReturnsAsync(current);
    }

    private protected SwitchExecutor CreateSut(string? failing = null, bool blocking = false, Func<Exception>? error = null)
    {
        var steps = StepNames.All.Select(name => Step(name, failing, blocking, error)).ToDictionary(s => s.Name);
        var pipeline = new SwitchPipeline(steps, _time, NullLogger<SwitchPipeline>.Instance);
        return new SwitchExecutor(_aws.State.Object, _aws.Audit.Object, pipeline,
            new OnCallNotifier(_aws.Sns.Object, NullLogger<OnCallNotifier>.Instance), _time, NullLogger<SwitchExecutor>.Instance);
    }

    /// <summary>A step that records its run and succeeds, fails (<paramref name="failing"/>) or blocks (preflight only).</summary>
    private IFailoverStep Step(string name, string? failing, bool blocking, Func<Exception>? error)
    {
        var step = new Mock<IFailoverStep>(MockBehavior.Strict);
        step.SetupGet(s => s.Name).Returns(name);
        step.Setup(s => s.ExecuteAsync(It.IsAny<StepContext>(), It.IsAny<CancellationToken>()))
            .Callback(() => _ran.Add(name))
            .ReturnsAsync(() => name == failing
                ? throw (error?.Invoke() ?? new StepFailedException(name, "boom"))
                : blocking && name == StepNames.Preflight
                    ? new StepOutcome(StepStatus.Blocked, "not ready", []) : StepOutcome.Succeeded("ok", []));
        return step.Object;
    }

    /// <summary>The item's creation and the fenced writes of a run: checkpoint, commit, failure, abandon.</summary>
    private void AcceptFencedWrites()
    {
        _aws.State.Setup(s => s.EnsureAsync("shop", "us-east-1", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        _aws.State.Setup(s =>
            s.CheckpointAsync(
            "shop", It.IsAny<long>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).Returns(
            Task.CompletedTask);
        _aws.State.Setup(s =>
            s.CommitAsync("shop", It.IsAny<long>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).Returns(
            Task.CompletedTask);
        _aws.State.Setup(s =>
            s.RecordFailureAsync(
            "shop", It.IsAny<long>(), It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<DateTimeOffset>(),
            It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _aws.State.Setup(s => s.AbandonAsync("shop", It.IsAny<long>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
    }

    /// <summary>
    /// The read before acquiring (a test that loses sets what it reads), the fence before each step and change,
    /// the records a retry needs, and the claim of the one Suppressed page of a cooldown window.
    /// </summary>
    private void AcceptReadsAndClaims()
    {
        _aws.State.Setup(s => s.GetAsync("shop", It.IsAny<CancellationToken>())).ReturnsAsync((AppState?)null);
        _aws.State.Setup(s => s.RenewAsync("shop", It.IsAny<long>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        _aws.State.Setup(s =>
            s.RecordExecutionValueAsync(
            "shop", It.IsAny<long>(), It.IsAny<ExecutionValue>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(),
            It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        _aws.State.Setup(s => s.TryClaimSuppressedPageAsync("shop", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(true);
    }
}
