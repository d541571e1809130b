namespace FailoverOrchestrator.LocalCloud.Faults;

/// <summary>The faults armed on a <see cref="LocalCloudServer"/>. Thread-safe.</summary>
internal sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<ArmedRule> _rules = [];
    private readonly List<(LocalService Service, string Operation, TaskCompletionSource Signal)> _held = [];
    private readonly Random _random;

    public FaultInjector(int seed)
    {
        // A seeded draw keeps a "30% of calls" drill reproducible; it never guards anything secret.
#pragma warning disable CA5394
        _random = new Random(seed);
#pragma warning restore CA5394
    }

    /// <summary>Arms a fault; faults are tried in the order they were armed, and the first error that fires wins.</summary>
    public void Arm(FaultRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentOutOfRangeException.ThrowIfNegative(rule.NextCalls ?? 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(rule.Share, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rule.Share, 1);
        lock (_gate)
        {
            _rules.Add(new ArmedRule(rule, rule.NextCalls));
        }
    }

    /// <summary>Disarms every fault.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
        }
    }

    /// <summary>Gets the faults still armed (a fault for the next N calls disarms itself once spent).</summary>
    public IReadOnlyList<FaultRule> Armed()
    {
        lock (_gate)
        {
            return _rules.Select(a => a.Rule with { NextCalls = a.Remaining }).ToList();
        }
    }

    public FaultDecision Decide(LocalService service, string operation)
    {
        lock (_gate)
        {
            var latency = TimeSpan.Zero;
            FaultRule? error = null;
            foreach (var armed in _rules.Where(a => a.Rule.Matches(service, operation)).ToList())
            {
                if ((armed.Rule.Kind != FaultKind.Latency && error is not null) || !Fires(armed))
                {
                    continue;
                }

                if (armed.Rule.Kind == FaultKind.Latency)
                {
                    latency += armed.Rule.Latency;
                }
                else
                {
                    error = armed.Rule;
                }
            }

            return latency == TimeSpan.Zero && error is null ? FaultDecision.None : new FaultDecision(latency, error);
        }
    }

    /// <summary>
    /// Completes once a call of <paramref name="operation"/> on <paramref name="service"/> is held by a latency fault
    /// with its delay already running on the server's clock, so that moving the clock from then on releases it. What a
    /// caller awaits instead of guessing when the request has arrived.
    /// </summary>
    public Task WhenHeldAsync(LocalService service, string operation)
    {
        var signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _held.Add((service, operation, signal));
        }

        return signal.Task;
    }

    /// <summary>A call is held by a latency fault, its delay on the clock: completes whoever waits for that.</summary>
    public void ReportHeld(LocalService service, string operation)
    {
        lock (_gate)
        {
            foreach (var waiter in _held.Where(h => h.Service == service && h.Operation == operation).ToList())
            {
                _held.Remove(waiter);
                waiter.Signal.TrySetResult();
            }
        }
    }

    /// <summary>Whether an armed rule hits this call: drawn for a share of calls, and counting down a rule for the next N.</summary>
    private bool Fires(ArmedRule armed)
    {
#pragma warning disable CA5394
        if (armed.Rule.Share < 1 && _random.NextDouble() >= armed.Rule.Share)
#pragma warning restore CA5394
        {
            return false;
        }

        if (armed.Remaining is { } remaining)
        {
            armed.Remaining = remaining - 1;
            if (armed.Remaining == 0)
            {
                _rules.Remove(armed);
            }
        }

        return true;
    }

    private sealed class ArmedRule(FaultRule rule, int? remaining)
    {
        public FaultRule Rule { get; } = rule;

        public int? Remaining { get; set; } = remaining;
    }
}
