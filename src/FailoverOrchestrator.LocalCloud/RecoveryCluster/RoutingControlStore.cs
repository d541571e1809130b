using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.RecoveryCluster;

/// <summary>
/// The routing controls and safety rules of one ARC cluster. An update is one transaction: every entry applies, or,
/// when an entry names an unknown control or the result would break an assertion rule, none does. Thread-safe.
/// </summary>
internal sealed class RoutingControlStore(TimeProvider time)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, (string Name, bool On)> _controls = new(StringComparer.Ordinal);
    private readonly List<AssertionRule> _rules = [];
    private readonly List<(DateTimeOffset At, string Arn, bool On)> _history = [];

    /// <summary>Adds a routing control (in a control panel the ARN names).</summary>
    public void AddControl(string arn, string name, bool on)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(arn);
        lock (_gate)
        {
            _controls[arn] = (name, on);
        }
    }

    public void AddAssertionRule(AssertionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        lock (_gate)
        {
            _rules.Add(rule);
        }
    }

    /// <summary>Whether the control is On; null when there is no such control.</summary>
    public bool? IsOn(string arn)
    {
        lock (_gate)
        {
            return _controls.TryGetValue(arn, out var control) ? control.On : null;
        }
    }

    /// <summary>Every accepted change of a control's state, in order.</summary>
    public IReadOnlyList<(DateTimeOffset At, string Arn, bool On)> History()
    {
        lock (_gate)
        {
            return _history.ToList();
        }
    }

    public (string Name, bool On) Get(string arn)
    {
        lock (_gate)
        {
            return _controls.TryGetValue(arn, out var control) ? control : throw NotFound(arn);
        }
    }

    /// <summary>Applies the entries as one transaction, or throws and changes nothing.</summary>
    /// <exception cref="ClusterErrorException">ResourceNotFoundException, or ConflictException naming the safety rule the result would
    /// break.</exception>
    public void Update(IReadOnlyList<(string Arn, bool On)> entries)
    {
        lock (_gate)
        {
            var next = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var (arn, on) in entries)
            {
                next[arn] = _controls.ContainsKey(arn) ? on : throw NotFound(arn);
            }

            CheckSafetyRules(next);
            var at = time.GetUtcNow();
            foreach (var (arn, on) in next)
            {
                if (_controls[arn].On != on)
                {
                    _history.Add((at, arn, on));
                }

                _controls[arn] = (_controls[arn].Name, on);
            }
        }
    }

    /// <summary>Throws ConflictException naming the first safety rule the states after <paramref name="next"/> would break.</summary>
    private void CheckSafetyRules(Dictionary<string, bool> next)
    {
        foreach (var rule in _rules)
        {
            var onAfter = rule.AssertedControls.Count(c => next.TryGetValue(c, out var on) ? on : _controls.TryGetValue(c, out var now)
                && now.On);
            if (onAfter < rule.Threshold)
            {
                throw new ClusterErrorException(
                    409,
                    "ConflictException",
                    $"The request violates safety rule {rule.Name}: at least {rule.Threshold} of its {rule.AssertedControls.Count} "
                        + $"asserted routing controls must be On, and {onAfter} would be.",
                    rule.Arn,
                    "SafetyRule");
            }
        }
    }

    private static ClusterErrorException NotFound(string arn) =>
        new(404, "ResourceNotFoundException", $"The routing control {arn} was not found.", arn, "RoutingControl");
}
