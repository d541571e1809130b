namespace FailoverOrchestrator.LocalCloud;

/// <summary>How a <see cref="LocalCloudServer"/> behaves: its clock, port and simulated speeds.</summary>
internal sealed class LocalCloudOptions
{
    /// <summary>Gets the clock behind change propagation, task convergence, latency faults and the call log.</summary>
    /// <value>Defaults to <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Gets the port to listen on; 0 picks a free one.</summary>
    /// <value>Defaults to 0.</value>
    public int Port { get; init; }

    /// <summary>Gets how long a Route 53 change stays PENDING before GetChange reports INSYNC.</summary>
    /// <value>Defaults to 2 seconds.</value>
    public TimeSpan ChangePropagationDelay { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Gets how many tasks per second of simulated time an ECS service starts or stops on its way to the desired count.</summary>
    /// <value>Defaults to 2; <see cref="double.PositiveInfinity"/> converges at once.</value>
    public double EcsTasksPerSecond { get; init; } = 2;

    /// <summary>Gets how long a new ECS task takes from UpdateService to running.</summary>
    /// <value>Defaults to zero (the drill uses 60 s).</value>
    public TimeSpan EcsTaskStartTime { get; init; }

    /// <summary>
    /// Gets how long the tasks behind a linked health check must serve before Route 53 reports it healthy
    /// (FailureThreshold x RequestInterval).
    /// </summary>
    /// <value>Defaults to zero (the drill uses 3 x 30 s).</value>
    public TimeSpan HealthCheckHealthyAfter { get; init; }

    /// <summary>
    /// Gets what to call, with the time and the reason, when a caller polls for something this world has scheduled
    /// (a task start, a health check turning healthy): the drill jumps its clock instead of waiting in real time.
    /// Null waits for real.
    /// </summary>
    public Action<TimeSpan, string>? SkipAhead { get; init; }

    /// <summary>Gets the seed of the random draw behind faults armed for a share of calls.</summary>
    /// <value>Defaults to 1.</value>
    public int FaultSeed { get; init; } = 1;

    /// <summary>Gets the account id in the ARNs LocalCloud makes.</summary>
    /// <value>Defaults to 123456789012.</value>
    public string AccountId { get; init; } = "123456789012";
}
