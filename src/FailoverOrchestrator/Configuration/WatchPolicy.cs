namespace FailoverOrchestrator.Configuration;

/// <summary>What the scheduled watch does once the primary has failed its probes for <see cref="WatchOptions.FailedForSeconds"/>.</summary>
public enum WatchPolicy
{
    /// <summary>Page on-call once with the exact command that fails over; a person decides.</summary>
    Notify,

    /// <summary>Start the failover through the same exactly-once lease as the alarm.</summary>
    Failover,
}
