namespace FailoverOrchestrator.LocalCloud.Ecs;

/// <summary>
/// An ECS service whose running count moves towards its desired count at a fixed rate of simulated time.
/// Guarded by the lock of the <see cref="EcsStore"/>.
/// </summary>
internal sealed class EcsService(string region, string clusterName, string clusterArn, string name, string arn, DateTimeOffset createdAt)
{
    private int _runningAtChange;
    private DateTimeOffset _changedAt;

    public string Status { get; set; } = "ACTIVE";

    public int DesiredCount { get; private set; }

    /// <summary>Gets or sets how long a new task takes from UpdateService to running (image pull, start, load balancer
    /// registration).</summary>
    public TimeSpan TaskStartTime { get; set; }

    /// <summary>Sets both counts at once, with no convergence in between (seeding, or a region going down).</summary>
    public void SetCounts(int desiredCount, int runningCount, DateTimeOffset now)
    {
        DesiredCount = desiredCount;
        _runningAtChange = runningCount;
        _changedAt = now;
    }

    /// <summary>Sets the desired count; the running count starts moving from where it is now.</summary>
    public void SetDesiredCount(int desiredCount, DateTimeOffset now, double tasksPerSecond)
    {
        _runningAtChange = RunningCount(now, tasksPerSecond);
        _changedAt = now;
        DesiredCount = desiredCount;
    }

    public int RunningCount(DateTimeOffset now, double tasksPerSecond)
    {
        var gap = DesiredCount - _runningAtChange;

        // New tasks run only once started; stopping ones go at once.
        var since = (now - _changedAt) - (gap > 0 ? TaskStartTime : TimeSpan.Zero);
        if (gap == 0 || (double.IsPositiveInfinity(tasksPerSecond) && since >= TimeSpan.Zero))
        {
            return DesiredCount;
        }

        var moved = (long)Math.Floor(Math.Max(0, since.TotalSeconds) * tasksPerSecond);
        return moved >= Math.Abs(gap) ? DesiredCount : _runningAtChange + (int)(Math.Sign(gap) * moved);
    }

    /// <summary>How long until every task of a scale-up runs; zero when none is starting.</summary>
    public TimeSpan TimeUntilRunning(DateTimeOffset now, double tasksPerSecond)
    {
        var gap = DesiredCount - _runningAtChange;
        if (gap <= 0 || TaskStartTime <= TimeSpan.Zero || double.IsPositiveInfinity(tasksPerSecond))
        {
            return TimeSpan.Zero;
        }

        var remaining = TaskStartTime + TimeSpan.FromSeconds(Math.Ceiling(gap / tasksPerSecond)) - (now - _changedAt);
        return remaining > TimeSpan.Zero ? remaining : TimeSpan.Zero;
    }

    /// <summary>Since when at least one task runs: null when none runs or is starting, a future time while the first starts.</summary>
    public DateTimeOffset? ServingSince(DateTimeOffset now, double tasksPerSecond)
    {
        if (_runningAtChange > 0)
        {
            return RunningCount(now, tasksPerSecond) > 0 ? DateTimeOffset.MinValue : null;
        }

        return DesiredCount > 0 ? _changedAt + TaskStartTime : null;
    }

    public EcsServiceSnapshot Snapshot(DateTimeOffset now, double tasksPerSecond) =>
        new(region, clusterName, clusterArn, name, arn, Status, DesiredCount, RunningCount(now, tasksPerSecond), createdAt,
            Max(_changedAt, createdAt));

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
