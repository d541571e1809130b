namespace FailoverOrchestrator.Cli.Drill;

/// <summary>
/// The detection chain's settings, the defaults of <c>infra/template.yaml</c>: what the RTO adds up to before and
/// after the orchestration that the drill measures.
/// </summary>
internal sealed record DrillTimings
{
    /// <summary>Route 53 checkers request every 30 s (the template's <c>HealthCheckRequestInterval</c>).</summary>
    public int HealthCheckIntervalSeconds { get; init; } = 30;

    /// <summary>Three failures in a row make the check unhealthy (<c>HealthCheckFailureThreshold</c>).</summary>
    public int FailureThreshold { get; init; } = 3;

    /// <summary>The alarm looks at one-minute periods (<c>Period: 60</c>).</summary>
    public int AlarmPeriodSeconds { get; init; } = 60;

    /// <summary>Two unhealthy minutes put it into ALARM (<c>AlarmDatapointsToAlarm</c>).</summary>
    public int DatapointsToAlarm { get; init; } = 2;

    /// <summary>Resolvers may hold the old answer this long: an alias record takes the ALB's TTL, 60 s.</summary>
    public int RecordTtlSeconds { get; init; } = 60;

    /// <summary>A new ECS task takes a minute from UpdateService to running: image pull, start, load balancer registration.</summary>
    public int TaskStartSeconds { get; init; } = 60;

    public TimeSpan TaskStart => TimeSpan.FromSeconds(TaskStartSeconds);

    /// <summary>Route 53 needs as many passing requests to call an endpoint healthy as failing ones to call it unhealthy.</summary>
    public TimeSpan Detection => TimeSpan.FromSeconds(HealthCheckIntervalSeconds * FailureThreshold);

    public TimeSpan AlarmEvaluation => TimeSpan.FromSeconds(AlarmPeriodSeconds * DatapointsToAlarm);
}
