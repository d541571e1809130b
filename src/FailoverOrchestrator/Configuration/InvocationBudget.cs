using FailoverOrchestrator.Coordination.Failures;

namespace FailoverOrchestrator.Configuration;

/// <summary>
/// How one invocation's time is spent: the waits, the calls around them, and the margin before Lambda's deadline in
/// which the steps are already stopped. The function stops its steps by <see cref="DeadlineMargin"/>, and the
/// validation counts the same margin, so a configuration that passes fits the time the steps really get.
/// </summary>
internal static class InvocationBudget
{
    /// <summary>Seconds of one invocation kept for the calls around the waits (preflight, writer, notify, audit, checkpoints).</summary>
    public const int CallsSeconds = 10;

    /// <summary>
    /// How long before the deadline the steps stop: the last seconds record the failure and release the lease
    /// (<see cref="FailureRecorder.CleanupReserve"/>), and a margin is left for the response.
    /// </summary>
    public static readonly TimeSpan DeadlineMargin = FailureRecorder.CleanupReserve + TimeSpan.FromSeconds(3);

    /// <summary>The deadline margin in whole seconds, rounded up.</summary>
    public static int DeadlineMarginSeconds => (int)Math.Ceiling(DeadlineMargin.TotalSeconds);

    /// <summary>Seconds of the function timeout not available to the waits: the calls around them and the deadline margin.</summary>
    public static int ReservedSeconds => CallsSeconds + DeadlineMarginSeconds;

    /// <summary>How the reserve reads in a message.</summary>
    public static string Explained =>
        $"{CallsSeconds} s for the calls around them and the {DeadlineMarginSeconds} s the function keeps before its " +
            "deadline to record a failure";
}
