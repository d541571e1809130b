namespace FailoverOrchestrator.Pipeline;

/// <summary>
/// The lease of the execution a step runs in. A step calls <see cref="EnsureHeldAsync"/> right before every call that
/// changes the world, and records there what a retry must know to finish the step without repeating it.
/// </summary>
internal interface IExecutionLease
{
    /// <summary>The Route 53 change an earlier attempt of this execution submitted, which a retry waits for; null when none.</summary>
    string? DnsChangeId { get; }

    /// <summary>The SNS message id of the outcome page an earlier attempt of this execution sent; null when none.</summary>
    string? PageMessageId { get; }

    /// <summary>
    /// Renews the lease with a write fenced by the epoch, and returns only while that renewal is fresh on this
    /// process's own monotonic clock. Throws <c>LeaseLostException</c> when another invocation took over.
    /// </summary>
    Task EnsureHeldAsync(string action, CancellationToken cancellationToken);

    /// <summary>Records the submitted Route 53 change (fenced), before waiting for it.</summary>
    Task RecordDnsChangeAsync(string changeId, CancellationToken cancellationToken);

    /// <summary>Records that the outcome page went out (fenced), so a retry does not page again.</summary>
    Task RecordPageAsync(string messageId, CancellationToken cancellationToken);
}
