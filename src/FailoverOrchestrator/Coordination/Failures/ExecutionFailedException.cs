namespace FailoverOrchestrator.Coordination.Failures;

/// <summary>
/// An execution stopped on a failed step after notifying and checkpointing. Thrown out of the handler on purpose:
/// Lambda's asynchronous retry then resumes from the checkpoint, and once retries are spent the on-failure
/// destination keeps the event.
/// </summary>
internal sealed class ExecutionFailedException(string app, string executionId, string step, bool terminal, string targetRegion,
    string message, Exception? innerException)
    : Exception(message, innerException)
{
    public string App { get; } = app;

    public string ExecutionId { get; } = executionId;

    public string Step { get; } = step;

    /// <summary>The region the failed execution was moving the app to; it tells a failover from a failback when the command (a resume) does
    /// not.</summary>
    public string TargetRegion { get; } = targetRegion;

    /// <summary>Whether the app is now Failed and waits for an operator's resume or reset.</summary>
    public bool Terminal { get; } = terminal;
}
