using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Aws.RecoveryCluster;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Aws.Sns;
using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.Hosting;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Watch;
using Moq;

namespace FailoverOrchestrator.Tests.TestSupport;

/// <summary>Strict mocks of every AWS seam: an unexpected call fails the test.</summary>
internal sealed class AwsMocks
{
    public Mock<IRoute53Client> Route53 { get; } = new(MockBehavior.Strict);

    public Mock<IEcsClient> Ecs { get; } = new(MockBehavior.Strict);

    public Mock<ISnsClient> Sns { get; } = new(MockBehavior.Strict);

    public Mock<ITableStatusClient> Tables { get; } = new(MockBehavior.Strict);

    public Mock<IWriterControl> Writer { get; } = new(MockBehavior.Strict);

    public Mock<IStateStore> State { get; } = new(MockBehavior.Strict);

    public Mock<IAuditLog> Audit { get; } = new(MockBehavior.Strict);

    public Mock<IRoutingControlClient> RoutingControls { get; } = new(MockBehavior.Strict);

    public Mock<IWatchStore> Watches { get; } = new(MockBehavior.Strict);

    public Mock<IHealthProbe> Probe { get; } = new(MockBehavior.Strict);

    public Mock<IReadinessStore> Readiness { get; } = new(MockBehavior.Strict);

    public AwsDependencies Dependencies =>
        new(
        Route53.Object, Ecs.Object, Sns.Object, Tables.Object, Writer.Object, State.Object,
        Audit.Object) { RoutingControls = RoutingControls.Object, Watches = Watches.Object, Probe = Probe.Object,
        Readiness = Readiness.Object };

    public void VerifyNoCalls()
    {
        Route53.VerifyNoOtherCalls();
        Ecs.VerifyNoOtherCalls();
        Sns.VerifyNoOtherCalls();
        Tables.VerifyNoOtherCalls();
        Writer.VerifyNoOtherCalls();
        State.VerifyNoOtherCalls();
        Audit.VerifyNoOtherCalls();
        RoutingControls.VerifyNoOtherCalls();
    }

    /// <summary>Accepts any audit write and keeps it for inspection.</summary>
    public List<AuditEvent> RecordAudit()
    {
        var events = new List<AuditEvent>();
        Audit.Setup(a => a.AppendAsync(It.IsAny<AuditEvent>(), It.IsAny<CancellationToken>()))
            .Callback<AuditEvent, CancellationToken>((e, _) => { lock (events) { events.Add(e); } })
            .Returns(Task.CompletedTask);
        return events;
    }

    /// <summary>Accepts any publish and keeps (subject, message) for inspection.</summary>
    public List<(string Subject, string Message)> RecordNotifications()
    {
        var published = new List<(string, string)>();
        Sns.Setup(s =>
            s.PublishAsync(
            It.IsAny<string>(), It.IsAny<string>(), It.IsAny<string>(), It.IsAny<IReadOnlyDictionary<string, string>>(),
            It.IsAny<CancellationToken>()))
            .Callback<string, string, string, IReadOnlyDictionary<string, string>, CancellationToken>((_, subject, message, _, _) =>
                published.Add((subject, message)))
            .ReturnsAsync("msg-1");
        return published;
    }
}
