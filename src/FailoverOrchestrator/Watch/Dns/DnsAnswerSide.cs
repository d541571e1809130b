namespace FailoverOrchestrator.Watch.Dns;

/// <summary>Which region the health record's DNS answer names, that is, what Route 53's health checkers see.</summary>
internal enum DnsAnswerSide
{
    /// <summary>No Watch:Dns:RecordName: the watch decides from its probes alone.</summary>
    NotConfigured,

    /// <summary>The resolver did not answer (timeout, refused, malformed): the watch decides from its probes alone, and says so.</summary>
    Unreachable,

    /// <summary>An answer that names neither region (NXDOMAIN, other addresses, both): decided from the probes alone, and said.</summary>
    Unknown,

    /// <summary>The PRIMARY record answered: the checkers see the primary healthy.</summary>
    Primary,

    /// <summary>The SECONDARY record answered: the checkers see the primary unhealthy.</summary>
    Secondary,
}
