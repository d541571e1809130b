namespace FailoverOrchestrator.LocalCloud.Calls;

/// <summary>Every call LocalCloud answered, in order. Thread-safe.</summary>
internal sealed class CallLog
{
    private readonly object _gate = new();
    private readonly List<CallRecord> _calls = [];

    public void Add(CallRecord call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    public IReadOnlyList<CallRecord> Snapshot()
    {
        lock (_gate)
        {
            return [.. _calls];
        }
    }

    /// <summary>Counts the calls of one operation, whatever their outcome (retries included).</summary>
    public int Count(LocalService service, string operation) =>
        Snapshot().Count(c => c.Service == service && string.Equals(c.Operation, operation, StringComparison.Ordinal));

    /// <summary>Counts the calls of one operation that ended in an error (a status of 400 or more).</summary>
    public int CountErrors(LocalService service, string operation) =>
        Snapshot()
            .Count(c => c.Service == service && string.Equals(c.Operation, operation, StringComparison.Ordinal) && c.StatusCode >= 400);

    /// <summary>Sums the calls up per operation, in the order each operation was first called.</summary>
    public IReadOnlyList<CallSummary> Summarize() =>
        Snapshot()
            .GroupBy(c => (c.Service, c.Operation))
            .Select(g =>
                new CallSummary(g.Key.Service, g.Key.Operation, g.Count(), g.Count(c => c.StatusCode >= 400), g.Count(c => c.Injected)))
            .ToList();

    public void Clear()
    {
        lock (_gate)
        {
            _calls.Clear();
        }
    }
}
