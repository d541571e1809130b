namespace FailoverOrchestrator.Pipeline;

/// <summary>The lease of a context that changes nothing (a plan, a unit test of one step): every check passes and nothing is
/// recorded.</summary>
internal sealed class UnfencedLease : IExecutionLease
{
    public static readonly UnfencedLease Instance = new();

    public string? DnsChangeId => null;

    public string? PageMessageId => null;

    public Task EnsureHeldAsync(string action, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RecordDnsChangeAsync(string changeId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task RecordPageAsync(string messageId, CancellationToken cancellationToken) => Task.CompletedTask;
}
