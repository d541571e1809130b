using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Pipeline;

/// <summary>Hears each step start and end; the coordinator checkpoints and audits through it.</summary>
internal interface IPipelineObserver
{
    Task StepStartingAsync(string step, CancellationToken cancellationToken);

    /// <summary>Called after a step completed; a fenced checkpoint here may throw <c>LeaseLostException</c>, which stops the
    /// pipeline.</summary>
    Task StepCompletedAsync(StepResult result, CancellationToken cancellationToken);

    Task StepFailedAsync(StepResult result, Exception error, CancellationToken cancellationToken);
}
