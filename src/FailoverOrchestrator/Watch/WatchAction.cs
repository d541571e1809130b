namespace FailoverOrchestrator.Watch;

/// <summary>What one watch run does after recording itself.</summary>
internal enum WatchAction
{
    /// <summary>
    /// Record only: the primary answers, has not failed long enough, is not the active region, or the streak was acted on.
    /// </summary>
    Record,

    /// <summary>Page on-call once for this failing streak with the command that fails over (WatchPolicy Notify).</summary>
    Page,

    /// <summary>Start (or resume) the failover through the lease (WatchPolicy Failover).</summary>
    Failover,

    /// <summary>
    /// Page once for this failing streak that only the watch's own network path fails: the probes fail while Route 53's
    /// health checkers see the primary healthy. Whatever the policy, nothing is switched.
    /// </summary>
    PagePath,

    /// <summary>Page once that the primary flaps (fails and recovers within the window); never a switch.</summary>
    PageFlapping,
}
