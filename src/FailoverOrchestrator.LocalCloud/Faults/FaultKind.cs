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

    /// <summary>
    /// An error of the rule's own <see cref="FaultRule.ErrorCode"/> and <see cref="FaultRule.StatusCode"/>,
    /// for example Route 53's PriorRequestNotComplete (400).
    /// </summary>
    CustomError,
}
