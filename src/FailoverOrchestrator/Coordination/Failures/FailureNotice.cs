using FailoverOrchestrator.Coordination.Execution;

namespace FailoverOrchestrator.Coordination.Failures;

/// <summary>What the on-call reads about a failed attempt: what happened, and the command to run next.</summary>
internal static class FailureNotice
{
    public static string What(HeldExecution execution, string step, string message, bool terminal, string? unrecorded)
    {
        var (app, attempts) = (execution.App, execution.State.Attempts);
        var what = terminal
            ? $"FAILED at step {step} after attempt {attempts} of {app.MaxAttempts}: {message}. The app stays Failed until an operator runs resume or reset."
            : $"attempt {attempts} of {app.MaxAttempts} failed at step {step}: {message}. Lambda's retry resumes from the checkpoint.";
        return unrecorded is null
            ? what
            : what + $" The failure could not be recorded in the state table either ({unrecorded}); its lease expires at the latest {app.LeaseSeconds}s after its last renewal.";
    }

    public static string Next(string app, bool terminal) => terminal
        ? $"fix the cause, then {{\"command\":\"resume\",\"app\":\"{app}\",\"confirm\":\"{app}\"}}, or {{\"command\":\"reset\",\"app\":\"{app}\",\"region\":\"<serving region>\",\"confirm\":\"{app}\"}}"
        : $"watch the retry with {{\"command\":\"status\",\"app\":\"{app}\"}}";
}
