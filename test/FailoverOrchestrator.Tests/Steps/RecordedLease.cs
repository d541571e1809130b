using FailoverOrchestrator.Pipeline;

namespace FailoverOrchestrator.Tests.Steps;

/// <summary>A lease that records what the step asks of it.</summary>
internal sealed class RecordedLease(string? dnsChangeId) : IExecutionLease
{
    public List<string> DnsChanges { get; } = [];

    public int Renewals { get; private set; }

    public string? DnsChangeId { get; } = dnsChangeId;

    public string? PageMessageId => null;

    public Task EnsureHeldAsync(string action, CancellationToken cancellationToken)
    {
        Renewals++;
        return Task.CompletedTask;
    }

    public Task RecordDnsChangeAsync(string changeId, CancellationToken cancellationToken)
    {
        DnsChanges.Add(changeId);
        return Task.CompletedTask;
    }

    public Task RecordPageAsync(string messageId, CancellationToken cancellationToken) => Task.CompletedTask;
}
