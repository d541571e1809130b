namespace FailoverOrchestrator.Triggers;

/// <summary>Every accepted input, whatever its format, as one value.</summary>
internal sealed record FailoverTrigger
{
    public required TriggerSource Source { get; init; }

    public required TriggerCommand Command { get; init; }

    /// <summary>The app the operator named; for an alarm, resolved later from the alarm name.</summary>
    public string? App { get; init; }

    /// <summary>The key that makes a redelivery of the same trigger a duplicate: alarm ARN + state timestamp for alarms.</summary>
    public required string IdempotencyKey { get; init; }

    public string? AlarmName { get; init; }

    public string? AlarmArn { get; init; }

    public string? AccountId { get; init; }

    /// <summary>The new alarm state: OK, ALARM or INSUFFICIENT_DATA.</summary>
    public string? State { get; init; }

    public string? PreviousState { get; init; }

    /// <summary>When the alarm changed state; for a watch, the time its schedule fired (<c>scheduledTime</c>) or, for the watch's failover,
    /// the start of the failing streak.</summary>
    public DateTimeOffset? StateChangedAt { get; init; }

    /// <summary>Whether the alarm is a composite alarm (its configuration carries an <c>alarmRule</c>).</summary>
    public bool IsComposite { get; init; }

    /// <summary>The region and partition of the alarm's ARN.</summary>
    public string? AlarmRegion { get; init; }

    public string? AlarmPartition { get; init; }

    /// <summary>Set when a composite alarm's actions are suppressed (WaitPeriod, ExtensionPeriod, Alarm): the alarm itself would not
    /// act.</summary>
    public string? ActionsSuppressedBy { get; init; }

    public bool DryRun { get; init; }

    public string? Reason { get; init; }

    public string? Confirm { get; init; }

    /// <summary>Reset only: the region the operator says serves traffic now.</summary>
    public string? Region { get; init; }

    /// <summary>Failover and failback only: the seconds of writes the operator accepts to lose when the RPO gate would stop the
    /// switch.</summary>
    public int? AcceptDataLossSeconds { get; init; }

    public bool IsAlarm => Source != TriggerSource.Operator;
}
