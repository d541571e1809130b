using FailoverOrchestrator.Configuration.Validation;

namespace FailoverOrchestrator.Configuration;

/// <summary>
/// The scheduled watch of one app: HTTP(S) probes of the primary's health endpoints, sent from the function's own region,
/// so that detection needs nothing in the primary region's control planes. No endpoints: the watch is off.
/// </summary>
public sealed class WatchOptions
{
    /// <summary>The most endpoints one run probes.</summary>
    internal const int MaxEndpoints = 5;

    /// <summary>The most runs the state item remembers.</summary>
    internal const int MaxHistory = 60;

    /// <summary>The schedule runs once a minute; a shorter failing time would act on a single run.</summary>
    internal const int MinFailedForSeconds = 60;

    /// <summary>Gets or sets the primary's health endpoints (http or https URLs); the primary fails a run when none answers 2xx.</summary>
    [SettingCount(0, MaxEndpoints, ErrorMessage = "{0}: {1} endpoints given, at most {3}")]
    public List<string> HealthEndpoints { get; set; } = [];

    /// <summary>Gets or sets what the watch does once the primary has failed for <see cref="FailedForSeconds"/>.</summary>
    /// <value>Defaults to <see cref="WatchPolicy.Notify"/>.</value>
    public WatchPolicy Policy { get; set; } = WatchPolicy.Notify;

    /// <summary>Gets or sets how long the primary must have failed every run (from its first failed run) before the watch acts.</summary>
    /// <value>Defaults to 180 seconds (three one-minute runs).</value>
    [SettingRange(MinFailedForSeconds, 3600, ErrorMessage = "{0}: {1} must be between {2} (the schedule runs once a minute) and {3}")]
    public int FailedForSeconds { get; set; } = 180;

    /// <summary>Gets or sets how long one probe may take before it counts as failed.</summary>
    /// <value>Defaults to 5 seconds.</value>
    [SettingRange(1, int.MaxValue, ErrorMessage = "{0}: {1} must be at least 1")]
    public int ProbeTimeoutSeconds { get; set; } = 5;

    /// <summary>Gets or sets how many runs the state item remembers, newest first.</summary>
    /// <value>Defaults to 10.</value>
    [SettingRange(1, MaxHistory)]
    public int HistorySize { get; set; } = 10;

    /// <summary>Gets or sets the Route 53 failover record whose DNS answer is the health checkers' verdict on the primary.</summary>
    public WatchDnsOptions Dns { get; set; } = new();

    /// <summary>Gets or sets how many of the latest runs the watch looks at to tell a flapping primary.</summary>
    /// <value>Defaults to 10 (ten minutes at one run a minute).</value>
    public int FlapWindowRuns { get; set; } = 10;

    /// <summary>
    /// Gets or sets how many runs of that window, in two or more separate failing streaks, make the primary flapping:
    /// the watch pages once and never fails over on flapping.
    /// </summary>
    /// <value>Defaults to 3.</value>
    public int FlapFailedRuns { get; set; } = 3;

    /// <summary>Gets a value indicating whether any endpoint is configured.</summary>
    public bool Enabled => HealthEndpoints.Count > 0;
}
