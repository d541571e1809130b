namespace FailoverOrchestrator.Configuration.Validation;

/// <summary>An app's replication heartbeat and RPO gate against its writer control, its lease and the function's timeout.</summary>
internal sealed partial class OrchestratorOptionsCustomValidator
{
    private static void ValidateReplication(List<string> errors, string at, AppOptions app, Timeout timeout)
    {
        var r = app.Replication;
        if (r.HeartbeatKey == app.WriterControl.Key && !string.IsNullOrEmpty(r.HeartbeatKey))
        {
            errors.Add($"{at}:HeartbeatKey: '{r.HeartbeatKey}' is also WriterControl:Key; the heartbeat would " +
                "overwrite the writer-control item");
        }

        if (r.MaxReplicationLagSeconds is { } limit and >= 1 and <= ReplicationOptions.MaxSeconds && limit <= r.HeartbeatIntervalSeconds)
        {
            // The bound from the last heartbeat includes up to one interval: a limit under it would block every failover.
            errors.Add($"{at}:MaxReplicationLagSeconds: {limit} must be above HeartbeatIntervalSeconds ({r.HeartbeatIntervalSeconds}); a " +
                "bound read from the last heartbeat includes up to one interval");
        }

        if (r.CatchUpWaitSeconds < 0)
        {
            return;
        }

        // Both are spent inside preflight, after one lease renewal: together they must fit inside the lease.
        var catchUp = r.CatchUpWaitSeconds + r.SourceReadTimeoutSeconds;
        if (catchUp >= app.LeaseSeconds)
        {
            errors.Add($"{at}:CatchUpWaitSeconds: {r.CatchUpWaitSeconds} plus SourceReadTimeoutSeconds ({r.SourceReadTimeoutSeconds}) " +
                $"must be shorter than LeaseSeconds ({app.LeaseSeconds})");
        }
        else if (app.EcsWaitSeconds + app.HealthWaitSeconds + app.DnsWaitSeconds + catchUp + InvocationBudget.ReservedSeconds
            > timeout.Seconds)
        {
            errors.Add($"{at}:CatchUpWaitSeconds: with SourceReadTimeoutSeconds and the other waits (EcsWaitSeconds, HealthWaitSeconds, " +
                $"DnsWaitSeconds), plus {InvocationBudget.Explained}, it does not fit in {timeout}");
        }
    }
}
