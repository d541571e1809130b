using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.Route53;

/// <summary>
/// The change batches Route 53 accepted: each PENDING until <c>propagationDelay</c> has passed, then INSYNC. Thread-safe.
/// </summary>
internal sealed class ChangeTracker(TimeProvider timeProvider, TimeSpan propagationDelay)
{
    private readonly Dictionary<string, ChangeStatus> _changes = new(StringComparer.Ordinal);

    /// <summary>Records an accepted change batch, PENDING from now.</summary>
    public ChangeStatus Submit(string? comment)
    {
        var change = new ChangeStatus(Route53Ids.New('C'), ChangeStatus.Pending, timeProvider.GetUtcNow(), comment);
        lock (_changes)
        {
            _changes.Add(change.Id, change);
        }

        return change;
    }

    public ChangeStatus Get(string changeId)
    {
        lock (_changes)
        {
            if (!_changes.TryGetValue(changeId, out var change))
            {
                throw new ServiceErrorException(404, "NoSuchChange", $"A change with the specified change ID does not exist: {changeId}");
            }

            var propagated = timeProvider.GetUtcNow() - change.SubmittedAt >= propagationDelay;
            return propagated ? change with { Status = ChangeStatus.InSync } : change;
        }
    }

    /// <summary>Gets every change submitted so far, oldest first, with its status as <see cref="Get"/> would report it now.</summary>
    public IReadOnlyList<ChangeStatus> All()
    {
        lock (_changes)
        {
            return _changes.Values.OrderBy(c => c.SubmittedAt).Select(c => Get(c.Id)).ToList();
        }
    }
}
