using System.Globalization;
using FailoverOrchestrator.Results;
using Xunit.Abstractions;

namespace FailoverOrchestrator.Benchmarks;

/// <summary>What the concurrent trials measured: owners and outcomes, latencies, DynamoDB calls of the owner and of a loser.</summary>
internal sealed class TrialStats
{
    private readonly List<double> _ownerInvocations = [];
    private readonly List<double> _ownerAcquires = [];
    private readonly List<double> _invocations = [];
    private readonly List<double> _acquires = [];
    private readonly List<int> _ownerCalls = [];
    private readonly List<int> _loserCalls = [];
    private readonly Dictionary<Outcome, int> _outcomes = [];

    public List<int> OwnersPerTrial { get; } = [];

    public void Add(IReadOnlyList<(FailoverResult? Result, double InvocationMs, double AcquireMs, int DynamoDbCalls)> deliveries)
    {
        OwnersPerTrial.Add(deliveries.Count(d => d.Result?.Outcome == Outcome.FailedOver));
        foreach (var (result, invocationMs, acquireMs, calls) in deliveries)
        {
            var outcome = result?.Outcome ?? Outcome.Rejected;
            _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
            _invocations.Add(invocationMs);
            _acquires.Add(acquireMs);
            if (outcome == Outcome.FailedOver)
            {
                _ownerInvocations.Add(invocationMs);
                _ownerAcquires.Add(acquireMs);
                _ownerCalls.Add(calls);
            }
            else
            {
                _loserCalls.Add(calls);
            }
        }
    }

    public void WriteTo(ITestOutputHelper output)
    {
        output.WriteLine(
            string.Create(
            CultureInfo.InvariantCulture,
            $"owners per trial: min {OwnersPerTrial.Min()}, max {OwnersPerTrial.Max()} over {OwnersPerTrial.Count} trials"));
        output.WriteLine("outcomes: "
            + string.Join(
            ", ", _outcomes.OrderBy(o => o.Key).Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Key} {o.Value}"))));
        output.WriteLine("owner's whole invocation: " + LatencySummary.Describe(_ownerInvocations));
        output.WriteLine("owner's acquire (TryAcquireAsync): " + LatencySummary.Describe(_ownerAcquires));
        output.WriteLine("every invocation: " + LatencySummary.Describe(_invocations));
        output.WriteLine("every acquire: " + LatencySummary.Describe(_acquires));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"DynamoDB calls per failover (owner): min {_ownerCalls.Min()}, max {_ownerCalls.Max()}; per losing invocation: min "
                + $"{_loserCalls.Min()}, max {_loserCalls.Max()}, mean {_loserCalls.Average():0.00}"));
    }
}
