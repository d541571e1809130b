using System.Globalization;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Replication;

/// <summary>
/// Answers <c>{"command":"heartbeat","app":"..."}</c>, which a schedule sends every
/// <c>Replication:HeartbeatIntervalSeconds</c>: while the app is Steady, writes the next heartbeat into each of its
/// global tables in the active region. Not while a switch runs or the app is Failed: the region that is active is then
/// not settled, and the switch times replication with a heartbeat of its own. Not audited (one per interval would
/// bury the switches in the trail); a failure to write throws, so the schedule's errors show it.
/// </summary>
internal sealed class HeartbeatWriter(IStateStore store, IHeartbeatStore heartbeats)
{
    public async Task<FailoverResult> WriteAsync(AppOptions app, CancellationToken cancellationToken)
    {
        var state = await store.GetAsync(app.Name, cancellationToken);
        var active = state?.ActiveRegion ?? app.PrimaryRegion;
        if (state is { Phase: not Phase.Steady })
        {
            return FailoverResult.Ignored($"app '{app.Name}' is {state.Phase}: no heartbeat while a switch runs or waits for resume/reset",
                app.Name) with { ActiveRegion = active };
        }

        var written = new List<string>();
        foreach (var table in ReplicationLagGate.Tables(app))
        {
            var heartbeat = await heartbeats.WriteAsync(active, table, app.Replication.HeartbeatKey, cancellationToken);
            written.Add(
                string.Create(CultureInfo.InvariantCulture, $"{table} #{heartbeat.Sequence} at {heartbeat.WrittenAt:HH:mm:ss.fff}Z"));
        }

        return new FailoverResult
        {
            Outcome = Outcome.HeartbeatWritten,
            App = app.Name,
            ActiveRegion = active,
            Reason = $"heartbeat written in {active}: {string.Join(", ", written)}",
        };
    }
}
