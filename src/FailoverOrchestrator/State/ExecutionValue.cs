namespace FailoverOrchestrator.State;

/// <summary>What an execution in progress records for its retries, beside its checkpoint.</summary>
internal enum ExecutionValue
{
    /// <summary>The id of the Route 53 change the DNS step submitted, so that a retry waits for that change.</summary>
    DnsChangeId,

    /// <summary>The id of the SNS message that paged the outcome, so that a retry does not page twice.</summary>
    PageMessageId,
}
