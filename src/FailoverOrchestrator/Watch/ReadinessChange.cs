using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Watch;

/// <summary>One readiness check against the recorded verdict: the record to write and whether the change is paged. Pure.</summary>
internal sealed record ReadinessChange(ReadinessRecord Next, ReadinessChangeKind Kind)
{
    /// <summary>Whether the record must be written (and the change audited).</summary>
    public bool Records => Kind != ReadinessChangeKind.Unchanged;

    /// <summary>Whether the on-call is paged: only when the verdict turns, so a standby that stays broken pages once.</summary>
    public bool Pages => Kind is ReadinessChangeKind.BecameNotReady or ReadinessChangeKind.ReadyAgain;

    public static ReadinessChange Decide(ReadinessRecord? prior, IReadOnlyList<string> problems, DateTimeOffset now)
    {
        var ready = problems.Count == 0;
        var next = new ReadinessRecord { Ready = ready, Since = now, Reasons = problems, Changes = (prior?.Changes ?? 0) + 1 };
        if (prior is null)
        {
            return new(next, ready ? ReadinessChangeKind.FirstReady : ReadinessChangeKind.BecameNotReady);
        }

        if (prior.Ready != ready)
        {
            return new(next, ready ? ReadinessChangeKind.ReadyAgain : ReadinessChangeKind.BecameNotReady);
        }

        // Same verdict: it keeps the time it started; only a new list of reasons is worth a write.
        return prior.Reasons.SequenceEqual(problems, StringComparer.Ordinal)
            ? new(prior, ReadinessChangeKind.Unchanged)
            : new(next with { Since = prior.Since }, ReadinessChangeKind.ReasonsChanged);
    }
}
