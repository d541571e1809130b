namespace FailoverOrchestrator.IntegrationTests.ExactlyOnce;

/// <summary>Stands in for the process dying: nothing in the handler catches it, so the lease stays held and the checkpoint stays as written.</summary>
internal sealed class SimulatedCrashException(string step)
    : Exception($"simulated crash right after the checkpoint of {step}")
{
    public string Step { get; } = step;
}
