using FailoverOrchestrator.Configuration.Validation;
using Microsoft.Extensions.Options;

namespace FailoverOrchestrator.Configuration;

/// <summary>One protected application: its two regions, what detects an outage and what a failover changes.</summary>
public sealed class AppOptions
{
    /// <summary>Gets or sets the app's name (the key under <c>Apps</c>; filled in when bound).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Gets or sets the region that serves in steady state.</summary>
    [SettingRequired]
    [AwsRegion]
    public string PrimaryRegion { get; set; } = string.Empty;

    /// <summary>Gets or sets the region a failover moves to.</summary>
    [SettingRequired]
    [AwsRegion]
    public string StandbyRegion { get; set; } = string.Empty;

    /// <summary>Gets or sets the AWS account the alarms must come from.</summary>
    [SettingRequired]
    [SettingPattern("^[0-9]{12}$", ErrorMessage = "{0}: '{1}' is not a 12-digit AWS account id")]
    public string AccountId { get; set; } = string.Empty;

    /// <summary>Gets or sets the names of the alarms that mean "the primary is down".</summary>
    [SettingCount(1, int.MaxValue, ErrorMessage = "{0}: name at least one alarm that means the primary is down")]
    [NoEmptyEntry(ErrorMessage = "{0}:{2}: empty; name an alarm that means the primary is down, or remove the entry")]
    public List<string> AlarmNames { get; set; } = [];

    /// <summary>Gets or sets the region of those alarms; an alarm of the same name in another region is ignored.</summary>
    /// <value>Defaults to us-east-1, where Route 53 publishes its health-check metrics.</value>
    [SettingRequired(ErrorMessage = "{0}: name the region of the alarms (us-east-1 for Route 53 health-check alarms)")]
    [AwsRegion]
    public string AlarmRegion { get; set; } = "us-east-1";

    /// <summary>Gets or sets the record that moves.</summary>
    [ValidateObjectMembers]
    public DnsRecordOptions Dns { get; set; } = new();

    /// <summary>Gets or sets the routing controls the DNS step flips when <see cref="DnsRecordOptions.Strategy"/> is
    /// RoutingControl.</summary>
    public RoutingControlOptions RoutingControl { get; set; } = new();

    /// <summary>Gets or sets the scheduled watch of the primary's health endpoints (off when it names none).</summary>
    [ValidateObjectMembers]
    public WatchOptions Watch { get; set; } = new();

    /// <summary>Gets or sets the per-region settings, keyed by region; both regions must be present.</summary>
    public Dictionary<string, RegionOptions> Regions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Gets or sets the writer-control item.</summary>
    [ValidateObjectMembers]
    public WriterControlOptions WriterControl { get; set; } = new();

    /// <summary>Gets or sets the replication heartbeat and the RPO gate.</summary>
    [ValidateObjectMembers]
    public ReplicationOptions Replication { get; set; } = new();

    /// <summary>Gets or sets the SNS topic for the on-call channel.</summary>
    [SettingRequired]
    [SnsTopicArn]
    public string TopicArn { get; set; } = string.Empty;

    /// <summary>Gets or sets what preflight does when the target is not ready.</summary>
    /// <value>Defaults to <see cref="PreflightPolicy.Block"/>.</value>
    public PreflightPolicy PreflightPolicy { get; set; } = PreflightPolicy.Block;

    /// <summary>Gets or sets the time after a switch during which alarms are suppressed.</summary>
    /// <value>Defaults to 900 seconds.</value>
    [SettingRange(0, int.MaxValue, ErrorMessage = "{0}: {1} is negative")]
    public int CooldownSeconds { get; set; } = 900;

    /// <summary>Gets or sets how long a lease lasts before another invocation may take over; renewed at every checkpoint.</summary>
    /// <value>Defaults to 120 seconds.</value>
    [SettingRange(10, int.MaxValue, ErrorMessage = "{0}: {1} is below the 10 seconds a step needs")]
    public int LeaseSeconds { get; set; } = 120;

    /// <summary>Gets or sets how long the scale-up waits for running tasks.</summary>
    /// <value>Defaults to 90 seconds.</value>
    [SettingRange(1, int.MaxValue, ErrorMessage = "{0}: {1} must be at least 1")]
    public int EcsWaitSeconds { get; set; } = 90;

    /// <summary>Gets or sets the share of the desired count that must be running for the scale-up to pass (0 &lt; share ≤ 1).</summary>
    /// <value>Defaults to 1.</value>
    [SettingRange(0.0, 1.0, MinimumIsExclusive = true, ErrorMessage = "{0}: {1} must be above 0 and at most 1")]
    public double RunningShare { get; set; } = 1.0;

    /// <summary>
    /// Gets or sets how long, after the scale-up, the target's Route 53 health check may take to report healthy before
    /// traffic moves. Route 53 needs FailureThreshold passing checks (3 x 30 s by default) once the tasks serve.
    /// </summary>
    /// <value>Defaults to 110 seconds.</value>
    [SettingRange(1, int.MaxValue, ErrorMessage = "{0}: {1} must be at least 1")]
    public int HealthWaitSeconds { get; set; } = 110;

    /// <summary>Gets or sets how long the DNS step waits for INSYNC.</summary>
    /// <value>Defaults to 90 seconds.</value>
    [SettingRange(1, int.MaxValue, ErrorMessage = "{0}: {1} must be at least 1")]
    public int DnsWaitSeconds { get; set; } = 90;

    /// <summary>Gets or sets how many invocations may attempt one execution before it is marked Failed.</summary>
    /// <value>Defaults to 3 (Lambda's first try and its two asynchronous retries).</value>
    [SettingRange(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>Gets or sets whether a failback also returns the standby region's services to their standby counts.</summary>
    /// <value>Defaults to false.</value>
    public bool ScaleDownAfterFailback { get; set; }

    /// <summary>
    /// Gets or sets whether an alarm that finds another invocation's live lease waits it out (until that invocation
    /// completes or its lease expires) instead of answering InProgressElsewhere at once. On, a retried alarm always
    /// finishes a switch whose invocation died; off, only a later retry or an operator's resume does.
    /// </summary>
    /// <value>Defaults to true.</value>
    public bool WaitOutLiveLease { get; set; } = true;
}
