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

    /// <summary>The sleep after one of <paramref name="delay"/>.</summary>
    public TimeSpan After(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, Max.Ticks));
}
