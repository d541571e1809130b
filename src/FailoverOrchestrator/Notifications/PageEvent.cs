namespace FailoverOrchestrator.Notifications;

/// <summary>
/// What a page announces when it is not the outcome of an invocation. Its name in capitals (RETRYING, FAILED, RESET)
/// is the page's <c>outcome</c> attribute and starts its subject, which pager rules match on.
/// </summary>
internal enum PageEvent
{
    /// <summary>An attempt failed; Lambda's retry resumes the execution from its checkpoint.</summary>
    Retrying,

    /// <summary>The execution failed for good; the app stays Failed until an operator runs resume or reset.</summary>
    Failed,

    /// <summary>An operator reset the app to Steady in the region they named.</summary>
    Reset,

    /// <summary>The scheduled watch found the primary failing for the configured time (WatchPolicy Notify); the page names the
    /// command.</summary>
    PrimaryDown,

    /// <summary>The watch's probes fail while Route 53's health checkers see the primary healthy: the network path is suspect.</summary>
    NetworkPath,

    /// <summary>The watch found the primary flapping (failing and recovering within its window); it never fails over on flapping.</summary>
    Flapping,

    /// <summary>The watch's preflight of the standby stopped passing: a failover now would be Blocked; the page says why.</summary>
    StandbyNotReady,

    /// <summary>The standby passes the watch's preflight again after it did not.</summary>
    StandbyReady,
}
