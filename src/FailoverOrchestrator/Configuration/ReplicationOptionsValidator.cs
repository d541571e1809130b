namespace FailoverOrchestrator.Configuration;

/// <summary>Checks an app's replication settings against each other and against the app's timings.</summary>
internal static class ReplicationOptionsValidator
{
    /// <summary>The longest a heartbeat may stay a valid bound: a day of writes at risk is beyond any RPO this gates.</summary>
    public const int MaxSeconds = 86_400;

    public static void Validate(List<string> errors, string at, AppOptions app, int functionTimeoutSeconds)
    {
        var r = app.Replication;
        OrchestratorOptionsValidator.Require(errors, $"{at}:HeartbeatKey", r.HeartbeatKey);
        if (r.HeartbeatKey == app.WriterControl.Key && r.HeartbeatKey.Length > 0)
        {
            errors.Add($"{at}:HeartbeatKey: '{r.HeartbeatKey}' is also WriterControl:Key; the heartbeat would overwrite the writer-control item");
        }

        if (r.HeartbeatIntervalSeconds is < 1 or > MaxSeconds)
        {
            errors.Add($"{at}:HeartbeatIntervalSeconds: {r.HeartbeatIntervalSeconds} must be between 1 and {MaxSeconds}");
        }

        if (r.MaxReplicationLagSeconds is { } max && (max < 1 || max > MaxSeconds))
        {
            errors.Add($"{at}:MaxReplicationLagSeconds: {max} must be between 1 and {MaxSeconds}");
        }
        else if (r.MaxReplicationLagSeconds is { } limit && limit <= r.HeartbeatIntervalSeconds)
        {
            // The bound from the last heartbeat includes up to one interval: a limit under it would block every failover.
            errors.Add($"{at}:MaxReplicationLagSeconds: {limit} must be above HeartbeatIntervalSeconds ({r.HeartbeatIntervalSeconds}); a bound read from the last heartbeat includes up to one interval");
        }

        if (r.SourceReadTimeoutSeconds is < 1 or > 30)
        {
            errors.Add($"{at}:SourceReadTimeoutSeconds: {r.SourceReadTimeoutSeconds} must be between 1 and 30");
        }

        // Both are spent inside preflight, after one lease renewal: together they must fit inside the lease.
        if (r.CatchUpWaitSeconds < 0 || r.CatchUpWaitSeconds + r.SourceReadTimeoutSeconds >= app.LeaseSeconds)
        {
            errors.Add($"{at}:CatchUpWaitSeconds: {r.CatchUpWaitSeconds} must be at least 0 and, with SourceReadTimeoutSeconds ({r.SourceReadTimeoutSeconds}), shorter than LeaseSeconds ({app.LeaseSeconds})");
        }
        else if (app.EcsWaitSeconds + app.HealthWaitSeconds + app.DnsWaitSeconds + r.CatchUpWaitSeconds + r.SourceReadTimeoutSeconds + AppOptionsValidator.WaitReserveSeconds > functionTimeoutSeconds)
        {
            errors.Add($"{at}:CatchUpWaitSeconds: with SourceReadTimeoutSeconds and the other waits (EcsWaitSeconds, HealthWaitSeconds, DnsWaitSeconds) and {AppOptionsValidator.WaitReserveSeconds} s for the calls around them, it does not fit in Orchestrator:FunctionTimeoutSeconds ({functionTimeoutSeconds})");
        }
    }
}
