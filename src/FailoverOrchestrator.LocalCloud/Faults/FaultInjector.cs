namespace FailoverOrchestrator.LocalCloud.Faults;

/// <summary>The faults armed on a <see cref="LocalCloudServer"/>. Thread-safe.</summary>
internal sealed class FaultInjector
{
    private readonly object _gate = new();
    private readonly List<ArmedRule> _rules = [];
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
                if (armed.Rule.Kind != FaultKind.Latency && error is not null)
                {
                    continue;
                }

#pragma warning disable CA5394
                if (armed.Rule.Share < 1 && _random.NextDouble() >= armed.Rule.Share)
#pragma warning restore CA5394
                {
                    continue;
                }

                if (armed.Remaining is { } remaining)
                {
                    armed.Remaining = remaining - 1;
                    if (armed.Remaining == 0)
                    {
                        _rules.Remove(armed);
                    }
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

    private sealed class ArmedRule(FaultRule rule, int? remaining)
    {
        public FaultRule Rule { get; } = rule;

        public int? Remaining { get; set; } = remaining;
    }
}
