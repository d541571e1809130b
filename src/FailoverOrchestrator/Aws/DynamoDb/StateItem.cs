using Amazon.DynamoDBv2.Model;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Aws.DynamoDb;

/// <summary>The attribute names of the state item and its mapping to <see cref="AppState"/>.</summary>
internal static class StateItem
{
    public const string App = "app";
    public const string ActiveRegion = "activeRegion";
    public const string Phase = "phase";
    public const string TargetRegion = "targetRegion";
    public const string Epoch = "epoch";
    public const string ExecutionId = "executionId";
    public const string Holder = "holder";
    public const string FailedPhase = "failedPhase";
    public const string LeaseExpiresAt = "leaseExpiresAt";
    public const string CompletedSteps = "completedSteps";
    public const string Attempts = "attempts";
    public const string LastTriggerKey = "lastTriggerKey";
    public const string LastTransitionAt = "lastTransitionAt";
    public const string LastError = "lastError";
    public const string CreatedAt = "createdAt";
    public const string RecentTriggerKeys = "recentTriggerKeys";
    public const string DnsChangeId = "dnsChangeId";
    public const string PageMessageId = "pageMessageId";
    public const string SuppressedPagedFor = "suppressedPagedFor";
    public const string StartedAt = "startedAt";
    public const string LastSwitchStartedAt = "lastSwitchStartedAt";
    public const string WatchHistory = "watchHistory";
    public const string WatchFailingSince = "watchFailingSince";
    public const string WatchActedFor = "watchActedFor";
    public const string WatchRuns = "watchRuns";
    public const string WatchLastRunAt = "watchLastRunAt";
    public const string WatchRecent = "watchRecent";
    public const string WatchPathPagedFor = "watchPathPagedFor";
    public const string WatchFlapPagedAt = "watchFlapPagedAt";
    public const string Readiness = "readiness";
    public const string ReadinessSince = "readinessSince";
    public const string ReadinessReasons = "readinessReasons";
    public const string ReadinessChanges = "readinessChanges";
    public const string Ready = "Ready";
    public const string NotReady = "NotReady";

    /// <summary>Every attribute of the item: what an expression may name as <c>#attribute</c>.</summary>
    public static readonly IReadOnlySet<string> Attributes = new HashSet<string>(StringComparer.Ordinal)
    {
        App, ActiveRegion, Phase, TargetRegion, Epoch, ExecutionId, Holder, FailedPhase, LeaseExpiresAt, CompletedSteps, Attempts,
        LastTriggerKey, LastTransitionAt, LastError, CreatedAt, RecentTriggerKeys, DnsChangeId, PageMessageId, SuppressedPagedFor,
        StartedAt, LastSwitchStartedAt, WatchHistory, WatchFailingSince, WatchActedFor, WatchRuns, WatchLastRunAt,
        WatchRecent, WatchPathPagedFor, WatchFlapPagedAt,
        Readiness, ReadinessSince, ReadinessReasons, ReadinessChanges,
    };

    /// <summary>The attribute that holds <paramref name="value"/>.</summary>
    public static string AttributeOf(ExecutionValue value) => value switch
    {
        ExecutionValue.DnsChangeId => DnsChangeId,
        ExecutionValue.PageMessageId => PageMessageId,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Only the execution's DNS change and page are recorded this way."),
    };

    public static Dictionary<string, AttributeValue> Key(string app) => new() { [App] = DynamoValues.String(app) };

    public static AppState ToAppState(Dictionary<string, AttributeValue> item) => new()
    {
        App = item.GetString(App) ?? throw MissingAttribute(App),
        ActiveRegion = item.GetString(ActiveRegion) ?? throw MissingAttribute(ActiveRegion),
        Phase = Enum.Parse<State.Phase>(item.GetString(Phase) ?? throw MissingAttribute(Phase)),
        TargetRegion = item.GetString(TargetRegion),
        Epoch = item.GetNumber(Epoch) ?? 0,
        ExecutionId = item.GetString(ExecutionId),
        Holder = item.GetString(Holder),
        FailedPhase = item.GetString(FailedPhase) is { } failedPhase ? Enum.Parse<State.Phase>(failedPhase) : null,
        LeaseExpiresAt = item.GetMillis(LeaseExpiresAt),
        CompletedSteps = item.GetStringList(CompletedSteps),
        Attempts = (int)(item.GetNumber(Attempts) ?? 0),
        LastTriggerKey = item.GetString(LastTriggerKey),
        LastTransitionAt = item.GetMillis(LastTransitionAt),
        LastSwitchStartedAt = item.GetMillis(LastSwitchStartedAt),
        LastError = item.GetString(LastError),
        RecentTriggerKeys = item.GetStringList(RecentTriggerKeys),
        DnsChangeId = item.GetString(DnsChangeId),
        PageMessageId = item.GetString(PageMessageId),
        Watch = item.GetNumber(WatchRuns) is { } runs
            ? new WatchRecord
            {
                History = item.GetStringList(WatchHistory),
                FailingSince = item.GetMillis(WatchFailingSince),
                ActedFor = item.GetMillis(WatchActedFor),
                LastRunAt = item.GetMillis(WatchLastRunAt),
                Recent = item.GetString(WatchRecent) is { } recent && recent != "-" ? recent : string.Empty,
                PathPagedFor = item.GetMillis(WatchPathPagedFor),
                FlapPagedAt = item.GetMillis(WatchFlapPagedAt),
                Runs = runs,
            }
            : null,
        Readiness = ToReadiness(item),
    };

    private static ReadinessRecord? ToReadiness(Dictionary<string, AttributeValue> item) =>
        item.GetNumber(ReadinessChanges) is { } changes
            ? new ReadinessRecord
            {
                Ready = item.GetString(Readiness) == Ready,
                Since = item.GetMillis(ReadinessSince) ?? DateTimeOffset.UnixEpoch,
                Reasons = item.GetStringList(ReadinessReasons),
                Changes = changes,
            }
            : null;

    private static InvalidDataException MissingAttribute(string name) =>
        new($"The state item has no '{name}' attribute; it was not written by this orchestrator.");
}
