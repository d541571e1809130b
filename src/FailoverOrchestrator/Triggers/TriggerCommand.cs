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
}
