namespace FailoverOrchestrator.Watch;

/// <summary>How one readiness check compares with the verdict the state item holds.</summary>
internal enum ReadinessChangeKind
{
    /// <summary>Same verdict, same reasons: nothing is written.</summary>
    Unchanged,

    /// <summary>The first check ever found the standby ready: recorded and audited, no page (nothing changed for the on-call).</summary>
    FirstReady,

    /// <summary>Still not ready, for other reasons: recorded and audited, no page (the on-call was paged when it stopped being ready).
    /// </summary>
    ReasonsChanged,

    /// <summary>Ready (or never checked) before, not ready now: recorded, audited, paged once.</summary>
    BecameNotReady,

    /// <summary>Not ready before, ready now: recorded, audited, paged once.</summary>
    ReadyAgain,
}
