using FailoverOrchestrator.Coordination.Execution;
using FailoverOrchestrator.Triggers;

namespace FailoverOrchestrator.Coordination.Failures;

/// <summary>What the on-call reads about a failed attempt: what happened, and the command to run next.</summary>
internal static class FailureNotice
{
    public static string What(HeldExecution execution, string step, string message, bool terminal, string? unrecorded)
    {
        var (app, attempts) = (execution.App, execution.State.Attempts);
        var what = terminal
            ? $"FAILED at step {step} after attempt {attempts} of {app.MaxAttempts}: {message}. The app stays Failed until an operator "
                + $"runs resume or reset."
            : $"attempt {attempts} of {app.MaxAttempts} failed at step {step}: {message}. Lambda's retry resumes from the checkpoint.";
        return unrecorded is null
            ? what
            : what
                + $" The failure could not be recorded in the state table either ({unrecorded}); its lease expires at the latest "
                + $"{app.LeaseSeconds}s after its last renewal.";
    }

    public static string Next(string app, bool terminal) => terminal
        ? $"fix the cause, then {OperatorCommands.Resume(app)}, or {OperatorCommands.Reset(app, "<serving region>")}"
        : $"watch the retry with {OperatorCommands.Status(app)}";
}
