namespace FailoverOrchestrator.Triggers;

/// <summary>How the invocation reached us.</summary>
internal enum TriggerSource
{
    /// <summary>A CloudWatch alarm whose action is this function (<c>alarmData</c>).</summary>
    AlarmLambdaAction,

    /// <summary>An EventBridge "CloudWatch Alarm State Change" event.</summary>
    AlarmEventBridge,

    /// <summary>An alarm notification delivered through SNS.</summary>
    AlarmSns,

    /// <summary>An operator's command.</summary>
    Operator,

    /// <summary>The scheduled watch, once the primary has failed its probes for the configured time (WatchPolicy Failover).</summary>
    Watch,
}
