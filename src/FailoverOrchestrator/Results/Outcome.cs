using System.Text.Json.Serialization;

namespace FailoverOrchestrator.Results;

/// <summary>The outcome of one invocation (see the result contract in the README).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Outcome>))]
public enum Outcome
{
    /// <summary>This invocation completed the switch to the standby.</summary>
    FailedOver,

    /// <summary>This invocation completed the switch back to the primary.</summary>
    FailedBack,

    /// <summary>Nothing to do: a duplicate or late event.</summary>
    AlreadyInTargetState,

    /// <summary>Another invocation holds a live lease.</summary>
    InProgressElsewhere,

    /// <summary>Cooldown after a recent switch (flap protection).</summary>
    Suppressed,

    /// <summary>Not actionable: state not ALARM, alarm not configured, foreign account.</summary>
    Ignored,

    /// <summary>Malformed or invalid input; the reason says what is wrong.</summary>
    Rejected,

    /// <summary>Preflight found the target region not ready; nothing was changed.</summary>
    Blocked,

    /// <summary>Dry run: the exact calls that would be made; nothing changed.</summary>
    Planned,

    /// <summary>Current state and the last executions.</summary>
    Status,

    /// <summary>A scheduled watch ran: the primary's probes were recorded; the reason says what it decided.</summary>
    Watched,

    /// <summary>The replication heartbeat was written in the active region (or not, while a switch runs: the reason says).</summary>
    HeartbeatWritten,
}
