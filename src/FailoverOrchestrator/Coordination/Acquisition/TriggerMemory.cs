using System.Globalization;

namespace FailoverOrchestrator.Coordination.Acquisition;

/// <summary>
/// The alarm trigger keys the state item remembers, so that a redelivery is recognised after later triggers, bounded
/// in number and in time. Older transitions need no key: an alarm that changed state before the app's last switch is
/// ignored by its timestamp alone.
/// </summary>
internal static class TriggerMemory
{
    /// <summary>At most this many keys are kept (a few hundred bytes each, far below DynamoDB's 400 KB item limit).</summary>
    public const int MaxKeys = 32;

    /// <summary>
    /// How long a key is kept after its alarm's transition: longer than any redelivery path retries (Lambda's
    /// asynchronous retries give up after 6 hours, EventBridge's after 24).
    /// </summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(25);

    /// <summary>The list to store when <paramref name="key"/> starts an execution: the key first, then the remembered keys still worth
    /// keeping.</summary>
    public static IReadOnlyList<string> Next(IReadOnlyList<string> remembered, string key, DateTimeOffset now,
        DateTimeOffset? answeredUntil)
    {
        var keep = remembered
            .Where(k => k != key && TransitionOf(k) is { } at && at > now - MaxAge && (answeredUntil is null || at > answeredUntil))
            .Take(MaxKeys - 1);
        return [key, .. keep];
    }

    /// <summary>The transition time an alarm key ends with (<c>arn#2026-03-04T08:01:00.123Z</c>); null for a key of another
    /// shape.</summary>
    public static DateTimeOffset? TransitionOf(string key)
    {
        var hash = key.LastIndexOf('#');
        return hash >= 0
            && DateTimeOffset.TryParseExact(
            key[(hash + 1)..], "yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
    }
}
