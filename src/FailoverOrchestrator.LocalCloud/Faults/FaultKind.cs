namespace FailoverOrchestrator.LocalCloud.Faults;

/// <summary>What an armed fault does to a call.</summary>
internal enum FaultKind
{
    /// <summary>HTTP 400 with the service's throttling code (Throttling, ThrottlingException).</summary>
    Throttling,

    /// <summary>HTTP 500 InternalFailure.</summary>
    InternalFailure,

    /// <summary>HTTP 503 ServiceUnavailable.</summary>
    ServiceUnavailable,

    /// <summary>The call succeeds after <see cref="FaultRule.Latency"/>.</summary>
    Latency,
}
