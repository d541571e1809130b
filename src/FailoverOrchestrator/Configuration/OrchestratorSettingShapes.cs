namespace FailoverOrchestrator.Configuration;

/// <summary>Every setting the options have, by name (the tests hold it equal to the option classes' properties).</summary>
internal static class OrchestratorSettingShapes
{
    public static readonly SettingShape Service = SettingShape.Object(
        (nameof(EcsServiceOptions.Cluster), SettingShape.Value),
        (nameof(EcsServiceOptions.Service), SettingShape.Value),
        (nameof(EcsServiceOptions.ActiveDesiredCount), SettingShape.Value),
        (nameof(EcsServiceOptions.StandbyDesiredCount), SettingShape.Value));

    public static readonly SettingShape Region = SettingShape.Object(
        (nameof(RegionOptions.HealthCheckId), SettingShape.Value),
        (nameof(RegionOptions.TargetDnsName), SettingShape.Value),
        (nameof(RegionOptions.TargetHostedZoneId), SettingShape.Value),
        (nameof(RegionOptions.EvaluateTargetHealth), SettingShape.Value),
        (nameof(RegionOptions.Services), SettingShape.List(Service)),
        (nameof(RegionOptions.GlobalTables), SettingShape.List(SettingShape.Value)));

    public static readonly SettingShape Dns = SettingShape.Object(
        (nameof(DnsRecordOptions.HostedZoneId), SettingShape.Value),
        (nameof(DnsRecordOptions.ZoneName), SettingShape.Value),
        (nameof(DnsRecordOptions.RecordName), SettingShape.Value),
        (nameof(DnsRecordOptions.RecordType), SettingShape.Value),
        (nameof(DnsRecordOptions.Ttl), SettingShape.Value),
        (nameof(DnsRecordOptions.Strategy), SettingShape.Value));

    public static readonly SettingShape RoutingControl = SettingShape.Object(
        (nameof(RoutingControlOptions.ClusterEndpoints), SettingShape.List(SettingShape.Object(
            (nameof(ClusterEndpointOptions.Endpoint), SettingShape.Value),
            (nameof(ClusterEndpointOptions.Region), SettingShape.Value)))),
        (nameof(RoutingControlOptions.ControlArns), SettingShape.Map(SettingShape.Value)));

    public static readonly SettingShape WatchDns = SettingShape.Object(
        (nameof(WatchDnsOptions.RecordName), SettingShape.Value),
        (nameof(WatchDnsOptions.Resolver), SettingShape.Value),
        (nameof(WatchDnsOptions.TimeoutSeconds), SettingShape.Value));

    public static readonly SettingShape Watch = SettingShape.Object(
        (nameof(WatchOptions.HealthEndpoints), SettingShape.List(SettingShape.Value)),
        (nameof(WatchOptions.Policy), SettingShape.Value),
        (nameof(WatchOptions.FailedForSeconds), SettingShape.Value),
        (nameof(WatchOptions.ProbeTimeoutSeconds), SettingShape.Value),
        (nameof(WatchOptions.HistorySize), SettingShape.Value),
        (nameof(WatchOptions.FlapWindowRuns), SettingShape.Value),
        (nameof(WatchOptions.FlapFailedRuns), SettingShape.Value),
        (nameof(WatchOptions.Dns), WatchDns));

    public static readonly SettingShape WriterControl = SettingShape.Object(
        (nameof(WriterControlOptions.TableName), SettingShape.Value),
        (nameof(WriterControlOptions.Key), SettingShape.Value));

    public static readonly SettingShape Replication = SettingShape.Object(
        (nameof(ReplicationOptions.HeartbeatKey), SettingShape.Value),
        (nameof(ReplicationOptions.HeartbeatIntervalSeconds), SettingShape.Value),
        (nameof(ReplicationOptions.MaxReplicationLagSeconds), SettingShape.Value),
        (nameof(ReplicationOptions.LagPolicy), SettingShape.Value),
        (nameof(ReplicationOptions.CatchUpWaitSeconds), SettingShape.Value),
        (nameof(ReplicationOptions.SourceReadTimeoutSeconds), SettingShape.Value));

    public static readonly SettingShape App = SettingShape.Object(
        (nameof(AppOptions.PrimaryRegion), SettingShape.Value),
        (nameof(AppOptions.StandbyRegion), SettingShape.Value),
        (nameof(AppOptions.AccountId), SettingShape.Value),
        (nameof(AppOptions.AlarmNames), SettingShape.List(SettingShape.Value)),
        (nameof(AppOptions.AlarmRegion), SettingShape.Value),
        (nameof(AppOptions.Dns), Dns),
        (nameof(AppOptions.RoutingControl), RoutingControl),
        (nameof(AppOptions.Watch), Watch),
        (nameof(AppOptions.Regions), SettingShape.Map(Region)),
        (nameof(AppOptions.WriterControl), WriterControl),
        (nameof(AppOptions.Replication), Replication),
        (nameof(AppOptions.TopicArn), SettingShape.Value),
        (nameof(AppOptions.PreflightPolicy), SettingShape.Value),
        (nameof(AppOptions.CooldownSeconds), SettingShape.Value),
        (nameof(AppOptions.LeaseSeconds), SettingShape.Value),
        (nameof(AppOptions.EcsWaitSeconds), SettingShape.Value),
        (nameof(AppOptions.RunningShare), SettingShape.Value),
        (nameof(AppOptions.HealthWaitSeconds), SettingShape.Value),
        (nameof(AppOptions.DnsWaitSeconds), SettingShape.Value),
        (nameof(AppOptions.MaxAttempts), SettingShape.Value),
        (nameof(AppOptions.ScaleDownAfterFailback), SettingShape.Value),
        (nameof(AppOptions.WaitOutLiveLease), SettingShape.Value));

    public static readonly SettingShape Orchestrator = SettingShape.Object(
        (nameof(OrchestratorOptions.Region), SettingShape.Value),
        (nameof(OrchestratorOptions.StateTable), SettingShape.Value),
        (nameof(OrchestratorOptions.AuditTable), SettingShape.Value),
        (nameof(OrchestratorOptions.AuditRetentionDays), SettingShape.Value),
        (nameof(OrchestratorOptions.FunctionTimeoutSeconds), SettingShape.Value),
        (nameof(OrchestratorOptions.Apps), SettingShape.Map(App)));
}
