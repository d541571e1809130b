namespace FailoverOrchestrator.Triggers;

/// <summary>What the trigger asks for; an alarm in ALARM asks for <see cref="Failover"/>.</summary>
internal enum TriggerCommand
{
    Failover,
    Failback,
    Status,
    Plan,
    Resume,
    Reset,

    /// <summary>The scheduled watch (EventBridge Scheduler): probe the primary, record, and act per the app's WatchPolicy.</summary>
    Watch,
    /// <summary>Writes the replication heartbeat in the active region (sent by a schedule while the app is Steady).</summary>
    Heartbeat,
}
