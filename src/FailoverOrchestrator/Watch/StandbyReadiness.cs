using System.Globalization;
using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Coordination.Execution;
using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Steps;
using FailoverOrchestrator.Telemetry;
using FailoverOrchestrator.Triggers;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Watch;

/// <summary>
/// Proves the standby ready between incidents, as ARC Region switch evaluates its plans continuously: each watch run
/// runs preflight's readiness checks against the standby (read-only: the same code as a failover's preflight, without
/// the RPO gate) and compares the standby's desired counts with their StandbyDesiredCount. A changed verdict is written to
/// the state item (conditioned on the change count it read), audited, and paged once when it turns.
/// </summary>
internal sealed class StandbyReadiness(PreflightStep preflight, IReadinessStore store, OnCallNotifier notifier, ILogger logger)
{
    /// <summary>Checks the standby of an app Steady in its primary; null when it is not (a switch's own preflight checks then).</summary>
    public async Task<ReadinessChange?> CheckAsync(
        AppOptions app, AppState state, ExecutionAudit audit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (state.Phase != Phase.Steady || state.ActiveRegion != app.PrimaryRegion)
        {
            return null;
        }

        var context = StandbyContext(app, state, audit, now);
        var check = await preflight.CheckReadinessAsync(context, cancellationToken);
        var change = ReadinessChange.Decide(state.Readiness, [.. check.Problems, .. Drift(app, check.Services)], now);
        if (!change.Records)
        {
            return change;
        }

        if (!await TryRecordAsync(app, state, change, cancellationToken))
        {
            return null;
        }

        var detail = Describe(app, change);
        Log.StandbyReadiness(logger, app.Name, app.StandbyRegion, change.Kind.ToString(), detail);
        await audit.AppendAsync(change.Next.Ready ? "StandbyReady" : "StandbyNotReady", detail, cancellationToken);
        if (change.Pages)
        {
            await PageAsync(app, state, change, detail, cancellationToken);
        }

        return change;
    }

    // Preflight's readiness checks, run as a failover to the standby would run them.
    private static StepContext StandbyContext(AppOptions app, AppState state, ExecutionAudit audit, DateTimeOffset now) =>
        new()
        {
            App = app,
            ExecutionId = audit.ExecutionId,
            Epoch = state.Epoch,
            Direction = SwitchDirection.Failover,
            SourceRegion = app.PrimaryRegion,
            TargetRegion = app.StandbyRegion,
            Reason = "standby readiness check of the scheduled watch",
            StartedAt = now,
        };

    /// <summary>Records the change in the state item; false when another run recorded one first or the write failed.</summary>
    private async Task<bool> TryRecordAsync(AppOptions app, AppState state, ReadinessChange change, CancellationToken cancellationToken)
    {
        try
        {
            if (!await store.TrySaveAsync(app.Name, state.Readiness?.Changes ?? 0, change.Next, cancellationToken))
            {
                // Another run recorded a change first: it audits and pages it.
                return false;
            }
        }
        catch (AwsServiceException ex)
        {
            // Not recorded, so the next run finds the same change and records it then; the watch's own verdict stands.
            Log.StandbyReadinessNotRecorded(logger, app.Name, $"{ex.ErrorCode}: {ex.AwsMessage}");
            return false;
        }

        return true;
    }

    /// <summary>
    /// The standby's services whose desired count drifted below their StandbyDesiredCount, the capacity the failover's timing
    /// assumes. More than that is not a readiness problem (after a failback without ScaleDownAfterFailback it is expected).
    /// </summary>
    public static IEnumerable<string> Drift(AppOptions app, IReadOnlyList<(string Cluster, Aws.Ecs.EcsService Service)> described) =>
        from configured in app.Regions[app.StandbyRegion].Services
        from found in described
        where found.Cluster == configured.Cluster && found.Service.ServiceName == configured.Service
            && found.Service.DesiredCount < configured.StandbyDesiredCount
        select $"ECS service {configured.Cluster}/{configured.Service} in {app.StandbyRegion} has desired count " +
            $"{found.Service.DesiredCount}, not its StandbyDesiredCount {configured.StandbyDesiredCount} (drifted)";

    private async Task PageAsync(AppOptions app, AppState state, ReadinessChange change, string detail, CancellationToken cancellationToken)
    {
        var page = Page.Of(change.Next.Ready ? PageEvent.StandbyReady : PageEvent.StandbyNotReady, new FailoverResult
        {
            Outcome = Outcome.Watched,
            App = app.Name,
            ActiveRegion = state.ActiveRegion,
            TargetRegion = app.StandbyRegion,
            Reason = detail,
        });
        var next = change.Next.Ready
            ? $"nothing to do; {OperatorCommands.Status(app.Name)} shows the readiness"
            : $"fix what is listed, then check with {OperatorCommands.Plan(app.Name)}; the watch pages again when the standby is ready";
        var key = $"{app.Name}/readiness/{change.Next.Changes.ToString(CultureInfo.InvariantCulture)}";
        await notifier.TryPublishAsync(app, page, next, cancellationToken, key);
    }

    private static string Describe(AppOptions app, ReadinessChange change)
    {
        var since = change.Next.Since.ToString("u", CultureInfo.InvariantCulture);
        return change.Next.Ready
            ? $"standby {app.StandbyRegion} is ready for a failover (preflight passes) since {since}"
            : $"standby {app.StandbyRegion} is not ready for a failover since {since}: {string.Join("; ", change.Next.Reasons)}";
    }
}
