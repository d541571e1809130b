using FailoverOrchestrator.Configuration.Validation;

namespace FailoverOrchestrator.Configuration;

/// <summary>
/// The replication heartbeat and the RPO gate of one app (<c>Apps:&lt;name&gt;:Replication</c>). The heartbeat item is
/// written into each of the app's global tables (<c>Regions:&lt;region&gt;:GlobalTables</c> and the writer-control
/// table) in the active region; before a writer moves, its copy in the target region's replica bounds how far that
/// replica lags, and so how many seconds of writes a switch may lose.
/// </summary>
public sealed class ReplicationOptions
{
    /// <summary>The longest a heartbeat may stay a valid bound: a day of writes at risk is beyond any RPO this gates.</summary>
    internal const int MaxSeconds = 86_400;

    /// <summary>Gets or sets the partition key (<c>pk</c>) of the heartbeat item, reserved in every global table of the app.</summary>
    /// <value>Defaults to <c>failover-orchestrator#heartbeat</c>.</value>
    [SettingRequired]
    public string HeartbeatKey { get; set; } = "failover-orchestrator#heartbeat";

    /// <summary>
    /// Gets or sets how often the heartbeat is written (the schedule that sends <c>{"command":"heartbeat"}</c>, or the
    /// application's own writer). A bound measured from the heartbeat includes up to this much on top of the real lag.
    /// </summary>
    /// <value>Defaults to 60 seconds.</value>
    [SettingRange(1, MaxSeconds)]
    public int HeartbeatIntervalSeconds { get; set; } = 60;

    /// <summary>
    /// Gets or sets the replication lag above which an automatic failover follows <see cref="LagPolicy"/> and an
    /// operator's failover needs <c>acceptDataLossSeconds</c>; null measures and reports the lag without a gate.
    /// </summary>
    /// <value>Defaults to null (no gate).</value>
    [SettingRange(1, MaxSeconds)]
    public int? MaxReplicationLagSeconds { get; set; }

    /// <summary>Gets or sets what an automatic failover does when the lag is over the limit or unknown.</summary>
    /// <value>Defaults to <see cref="PreflightPolicy.Block"/>: nothing changes and the on-call is paged with the figures.</value>
    public PreflightPolicy LagPolicy { get; set; } = PreflightPolicy.Block;

    /// <summary>
    /// Gets or sets how long a switch waits, when the source region answers, for a heartbeat it writes there to reach
    /// the target's replica (a failback always waits for it: the old primary must have caught up).
    /// </summary>
    /// <value>Defaults to 5 seconds.</value>
    [SettingRange(0, int.MaxValue, ErrorMessage = "{0}: {1} must be at least 0")]
    public int CatchUpWaitSeconds { get; set; } = 5;

    /// <summary>Gets or sets how long the source region's replica may take to answer before it counts as unreachable.</summary>
    /// <value>Defaults to 3 seconds.</value>
    [SettingRange(1, 30)]
    public int SourceReadTimeoutSeconds { get; set; } = 3;
}
