namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>An app's lease and waits against each other and against the function's timeout.</summary>
internal sealed partial class OrchestratorOptionsCustomValidator
{
    private static void ValidateTimings(List<string> errors, string at, AppOptions app, Timeout timeout)
    {
        if (app.LeaseSeconds >= 10 && app.LeaseSeconds >= timeout.Seconds)
        {
            errors.Add($"{at}:LeaseSeconds: {app.LeaseSeconds} must be shorter than {timeout}, so that the lease of an invocation that " +
                "timed out has expired when Lambda retries it");
        }

        // The lease is renewed at each checkpoint, and a wait runs between two checkpoints: it must end, and its step
        // checkpoint, while the lease still holds. A wait as long as the lease would let another invocation take over
        // at the moment the wait gives up, before the step can record it.
        var waits = new[]
        {
            ("EcsWaitSeconds", app.EcsWaitSeconds), ("HealthWaitSeconds", app.HealthWaitSeconds), ("DnsWaitSeconds", app.DnsWaitSeconds),
        };
        foreach (var (setting, seconds) in waits)
        {
            if (seconds >= 1 && seconds >= app.LeaseSeconds)
            {
                errors.Add($"{at}:{setting}: {seconds} must be shorter than LeaseSeconds ({app.LeaseSeconds}): the lease is renewed at " +
                    "each checkpoint, and a wait runs between two");
            }
        }

        // One invocation waits for tasks, then health, then DNS: together they must end before the function stops its
        // steps, with the time the steps spend on their own calls.
        var total = app.EcsWaitSeconds + app.HealthWaitSeconds + app.DnsWaitSeconds;
        if (total + InvocationBudget.ReservedSeconds > timeout.Seconds)
        {
            errors.Add($"{at}:EcsWaitSeconds, HealthWaitSeconds, DnsWaitSeconds: together {total} s, plus {InvocationBudget.Explained}, " +
                $"do not fit in {timeout}; shorten a wait or raise the function's timeout");
        }
    }
}
