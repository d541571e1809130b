namespace FailoverOrchestrator.Pipeline;

/// <summary>Which way an execution moves the app.</summary>
internal enum SwitchDirection
{
    /// <summary>Primary to standby.</summary>
    Failover,

    /// <summary>Standby back to primary.</summary>
    Failback,
}
