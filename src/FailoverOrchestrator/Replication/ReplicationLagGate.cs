using System.Globalization;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Replication;

/// <summary>
/// The RPO gate, run by preflight before anything changes. It measures every global table of the app (the bound is
/// the worst table's) and decides: a failover whose bound is over <c>MaxReplicationLagSeconds</c>, or unknown, follows
/// <c>LagPolicy</c> when an alarm started it, and needs the operator's <c>acceptDataLossSeconds</c> when an operator
/// did; a failback goes on only once the old primary's replica has caught up with the standby's writes.
/// </summary>
internal sealed class ReplicationLagGate(ReplicationLagProbe probe, TimeProvider time)
{
    /// <summary>The tables that carry the heartbeat: every global table of the app, and the writer-control table.</summary>
    public static IReadOnlyList<string> Tables(AppOptions app) =>
        app.Regions.Values.SelectMany(r => r.GlobalTables).Append(app.WriterControl.TableName)
            .Where(t => !string.IsNullOrWhiteSpace(t)).Distinct(StringComparer.Ordinal).ToList();

    /// <param name="context">The execution.</param>
    /// <param name="execute">True for a switch (writes a fresh heartbeat in the source and waits for it); false for a plan (reads
    /// only).</param>
    /// <param name="cancellationToken">The invocation's deadline.</param>
    public async Task<LagCheck> CheckAsync(StepContext context, bool execute, CancellationToken cancellationToken)
    {
        var calls = new List<string>();
        var lags = await MeasureAllAsync(context, execute, calls, cancellationToken);
        var rpo = Estimate(context, lags);
        var detail = RpoSentence.Of(rpo);
        var failback = context.Direction == SwitchDirection.Failback;

        // What would stop the switch: for a failback, a primary replica that has not caught up (a plan only reads, so
        // it says the failback will wait); for a failover, a bound over the limit or unknown, when a limit is set.
        var problem = failback ? FailbackProblem(context, execute, lags) : FailoverProblem(context.App, rpo);
        if (problem is null)
        {
            return new LagCheck(rpo, null, null, detail, calls);
        }

        if (failback && !execute)
        {
            return new LagCheck(rpo, null, null, $"{detail} {problem}", calls);
        }

        return Decide(context, rpo, detail, problem, calls);
    }

    private async Task<List<TableLag>> MeasureAllAsync(
        StepContext context, bool execute, List<string> calls, CancellationToken cancellationToken)
    {
        var app = context.App;
        // One table after the other: one request in flight at a time, as the AwsWaitTime metric counts them.
        var lags = new List<TableLag>();
        foreach (var table in Tables(app))
        {
            lags.Add(await probe.MeasureAsync(app, table, context.SourceRegion, context.TargetRegion, execute, calls, cancellationToken));
        }

        return lags;
    }

    private RpoEstimate Estimate(StepContext context, List<TableLag> lags)
    {
        var now = time.GetUtcNow();
        var known = lags.Count > 0 && lags.All(l => l.ReplicatedUntil is not null);
        var until = known ? lags.Min(l => l.ReplicatedUntil!.Value) : (DateTimeOffset?)null;
        return new RpoEstimate
        {
            BoundSeconds = until is { } u ? Math.Ceiling(Math.Max(0, (now - u).TotalSeconds) * 10) / 10 : null,
            MeasuredAt = now,
            Source = known ? RpoEstimate.Heartbeat : RpoEstimate.Unknown,
            SourceRegion = context.SourceRegion,
            TargetRegion = context.TargetRegion,
            ReplicatedUntil = until,
            Detail = string.Join("; ", lags.Select(l => l.Detail)),
        };
    }

    private static string? FailbackProblem(StepContext context, bool execute, List<TableLag> lags)
    {
        if (lags.All(l => l.CaughtUp))
        {
            return null;
        }

        return execute
            ? $"the old primary {context.TargetRegion}'s replica has not caught up with {context.SourceRegion}'s writes"
            : $"the failback will wait up to {context.App.Replication.CatchUpWaitSeconds} s for {context.TargetRegion}'s replica "
                + $"to catch up with {context.SourceRegion}'s writes";
    }

    private static string? FailoverProblem(AppOptions app, RpoEstimate rpo)
    {
        if (app.Replication.MaxReplicationLagSeconds is not { } max || (rpo.BoundSeconds is not null && rpo.BoundSeconds <= max))
        {
            return null;
        }

        return rpo.BoundSeconds is { } bound
            ? string.Create(CultureInfo.InvariantCulture,
                $"replication lag up to {bound:0.#} s is over MaxReplicationLagSeconds ({max} s)")
            : $"replication lag is unknown and MaxReplicationLagSeconds is {max} s";
    }

    // Over the limit: the operator's accepted loss, LagPolicy Warn (automatic failover only), or a block that says how to go on.
    private static LagCheck Decide(StepContext context, RpoEstimate rpo, string detail, string problem, List<string> calls)
    {
        if (context.AcceptDataLossSeconds is { } accepted)
        {
            if (rpo.BoundSeconds is { } bound && bound > accepted)
            {
                return new LagCheck(rpo,
                    string.Create(
                    CultureInfo.InvariantCulture,
                    $"{problem}, and the {accepted} s of loss accepted is less than the bound of {bound:0.#} s. {detail}"), null, detail,
                    calls);
            }

            var accept = string.Create(CultureInfo.InvariantCulture, $"{problem}; the operator accepted up to {accepted} s of data loss");
            return new LagCheck(rpo with { AcceptedLossSeconds = accepted }, null, accept, $"{detail} {accept}.", calls);
        }

        var failback = context.Direction == SwitchDirection.Failback;
        if (context.Automatic && !failback && context.App.Replication.LagPolicy == PreflightPolicy.Warn)
        {
            return new LagCheck(rpo, null, $"{problem} (LagPolicy Warn: proceeding)", $"{detail} {problem} (LagPolicy Warn: proceeding).",
                calls);
        }

        var how = context.Automatic
            ? "LagPolicy Block"
            : rpo.BoundSeconds is { } over
                ? $"to go on anyway, repeat the command with \"acceptDataLossSeconds\": "
                    + $"{Math.Ceiling(over).ToString(CultureInfo.InvariantCulture)} or more"
                : "to go on anyway, repeat the command with \"acceptDataLossSeconds\": <the seconds of writes you accept to lose>";
        return new LagCheck(rpo, $"{problem} ({how}). {detail}", null, detail, calls);
    }
}
