namespace FailoverOrchestrator.Pipeline;

/// <summary>How long a wait sleeps between reads: <see cref="First"/>, then twice as long each time, up to <see cref="Max"/>.</summary>
internal sealed record PollSchedule(TimeSpan First, TimeSpan Max)
{
    /// <summary>ECS running counts and Route 53 change status: answers that usually come within seconds.</summary>
    public static readonly PollSchedule Default = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5));

    /// <summary>A Route 53 health check: its checkers report every 10 or 30 seconds, so reading faster only costs calls.</summary>
    public static readonly PollSchedule HealthCheck = new(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10));

    /// <summary>Another holder's lease: read once a second, so its end is seen soon after it happens.</summary>
    public static readonly PollSchedule Lease = new(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

    /// <summary>
    /// The rounds over a Route 53 ARC cluster's five endpoints: half a second between them, at most
    /// <see cref="ClusterRoundLimit"/>, so a cluster call ends well inside the switch's budget.
    /// </summary>
    public static readonly PollSchedule ClusterRounds = new(TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500));

    /// <summary>How many rounds over the cluster's endpoints a call makes at most.</summary>
    public const int ClusterRoundLimit = 2;

    /// <summary>The sleep after one of <paramref name="delay"/>.</summary>
    public TimeSpan After(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Max.Ticks));
}
