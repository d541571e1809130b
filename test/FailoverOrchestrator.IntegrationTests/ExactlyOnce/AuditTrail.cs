using FailoverOrchestrator.Coordination;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>The audit trail as lines of <c>kind step</c>, and the lines an execution is expected to write.</summary>
internal static class AuditTrail
{
    public static List<string> Lines(IEnumerable<AuditEvent> events) =>
        events.Select(e => e.Step is null ? e.Kind : $"{e.Kind} {e.Step}").ToList();

    /// <summary>An attempt that takes the lease (<c>LeaseAcquired</c> or <c>LeaseTakenOver</c>) and runs
    /// <paramref name="steps"/>.</summary>
    public static IEnumerable<string> Attempt(string lease, IEnumerable<string> steps) =>
        new[] { "TriggerReceived", lease }.Concat(steps.SelectMany(s => new[] { $"StepStarted {s}", $"StepSucceeded {s}" }));
}
