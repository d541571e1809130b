namespace FailoverOrchestrator.Pipeline;

/// <summary>A step could not complete after its retries; carries the step's name and, through the inner exception, the AWS error.</summary>
internal sealed class StepFailedException : Exception
{
    public StepFailedException(string step, string message, Exception? innerException = null)
        : base($"{step}: {message}", innerException)
    {
        Step = step;
    }

    public string Step { get; }

    /// <summary>
    /// Gets whether another attempt would meet the same answer (AWS refused the change itself, say a safety rule): the
    /// execution fails at once instead of spending Lambda's retries on it.
    /// </summary>
    public bool Terminal { get; init; }
}
