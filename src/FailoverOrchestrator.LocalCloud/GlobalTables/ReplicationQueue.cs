namespace FailoverOrchestrator.LocalCloud.GlobalTables;

/// <summary>The replicated writes on their way, each taken once it is due. Thread-safe.</summary>
internal sealed class ReplicationQueue
{
    private readonly List<ReplicatedWrite> _pending = [];

    /// <summary>Gets how many writes wait to be delivered.</summary>
    public int Count
    {
        get
        {
            lock (_pending)
            {
                return _pending.Count;
            }
        }
    }

    public void Add(IEnumerable<ReplicatedWrite> writes)
    {
        lock (_pending)
        {
            _pending.AddRange(writes);
        }
    }

    /// <summary>Takes the oldest write due by <paramref name="now"/>, or returns null.</summary>
    public ReplicatedWrite? TakeDue(DateTimeOffset now)
    {
        lock (_pending)
        {
            var index = _pending.FindIndex(w => w.DueAt <= now);
            if (index < 0)
            {
                return null;
            }

            var write = _pending[index];
            _pending.RemoveAt(index);
            return write;
        }
    }
}
