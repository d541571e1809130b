using System.Globalization;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Coordination.Execution;
using FailoverOrchestrator.Notifications;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;
using FailoverOrchestrator.Telemetry;
using FailoverOrchestrator.Triggers;
using FailoverOrchestrator.Watch;
using Microsoft.Extensions.Logging;

namespace FailoverOrchestrator.Coordination;

/// <summary>
/// Answers <c>{"command":"watch"}</c>, which an EventBridge Scheduler schedule sends every minute: probes the primary's
/// health endpoints from the function's region and reads Route 53's DNS answer for the app's health record, records the
/// run in the state item (one write fenced on the run count, so overlapping runs never both act), audits the decision,
/// and once the primary has failed for Watch:FailedForSeconds pages once (Notify) or starts the failover through the
/// same lease as the alarm (Failover).
/// </summary>
internal sealed class WatchRunner(
    IStateStore store,
    IWatchStore watches,
    IAuditLog auditLog,
    WatchSignals signals,
    SwitchExecutor switches,
    OnCallNotifier notifier,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>How far the schedule's time may be from the clock: Scheduler gives up on a delivery after at most 24 hours
    /// (MaximumEventAgeInSeconds).</summary>
    public static readonly TimeSpan MaxScheduleSkew = TimeSpan.FromHours(24);

    /// <summary>The standby's readiness, checked on every run that does not start a failover; null checks nothing.</summary>
    public StandbyReadiness? Standby { get; init; }

    public async Task<FailoverResult> RunAsync(FailoverTrigger trigger, AppOptions app, CancellationToken cancellationToken)
    {
        if (!app.Watch.Enabled)
        {
            return FailoverResult.Rejected(
                $"app '{app.Name}' has no Watch:HealthEndpoints, so there is nothing to watch; nothing was done", app.Name);
        }

        // The run's time is the schedule's (<aws.scheduler.scheduled-time>): a retried or late delivery keeps its own.
        var clock = time.GetUtcNow();
        var now = trigger.StateChangedAt ?? clock;
        if ((now - clock).Duration() > MaxScheduleSkew)
        {
            return SkewRejected(app, now, clock);
        }

        var reading = await signals.ReadAsync(app, cancellationToken);
        await store.EnsureAsync(app.Name, app.PrimaryRegion, clock, cancellationToken);
        var state = await store.GetAsync(app.Name, cancellationToken)
            ?? throw new InvalidOperationException($"The state item of app '{app.Name}' is missing right after it was ensured.");
        var audit = new ExecutionAudit(auditLog, app.Name, $"watch-{now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}",
            state.Epoch, time, logger);
        if (state.Watch?.LastRunAt is { } last && now <= last)
        {
            var late = $"a late or repeated delivery of the run scheduled at {now.ToString("u", CultureInfo.InvariantCulture)} "
                + $"(the last recorded run was at {last.ToString("u", CultureInfo.InvariantCulture)}); nothing was done";
            return await SkipAsync(app, state, audit, late, cancellationToken);
        }

        var decision = WatchDecision.Decide(app, state, reading, now);
        if (!await watches.TrySaveAsync(app.Name, state.Watch?.Runs ?? 0, decision.Next, cancellationToken))
        {
            const string overlap = "another watch run recorded itself at the same time; this run did nothing";
            return await SkipAsync(app, state, audit, overlap, cancellationToken);
        }

        return await ActAsync(app, state, decision, audit, now, cancellationToken);
    }

    /// <summary>A run that must not act (a late delivery, or another run saved first) is audited and answers Watched.</summary>
    private static async Task<FailoverResult> SkipAsync(
        AppOptions app, AppState state, ExecutionAudit audit, string reason, CancellationToken cancellationToken)
    {
        await audit.AppendAsync("WatchSkipped", reason, cancellationToken);
        return Watched(app, state, reason);
    }

    private async Task<FailoverResult> ActAsync(
        AppOptions app,
        AppState state,
        WatchDecision decision,
        ExecutionAudit audit,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        Log.Watched(logger, app.Name, decision.Action.ToString(), decision.Reason);
        await audit.AppendAsync($"Watch{decision.Action}", decision.Reason, cancellationToken);
        if (Standby is not null && decision.Action != WatchAction.Failover)
        {
            await Standby.CheckAsync(app, state, audit, now, cancellationToken);
        }

        return decision.Action switch
        {
            WatchAction.Page => await PagePrimaryDownAsync(app, state, decision, cancellationToken),
            WatchAction.PagePath or WatchAction.PageFlapping => await PageNoticeAsync(app, state, decision, now, cancellationToken),
            WatchAction.Failover => await StartFailoverAsync(app, decision, cancellationToken),
            _ => Watched(app, state, decision.Reason),
        };
    }

    private async Task<FailoverResult> PagePrimaryDownAsync(
        AppOptions app, AppState state, WatchDecision decision, CancellationToken cancellationToken)
    {
        var command = FailoverCommand(app);
        var page = Page.Of(PageEvent.PrimaryDown, Watched(app, state, $"{decision.Reason}. WatchPolicy is Notify: nothing was changed"));
        await notifier.TryPublishAsync(app, page, $"if the primary is really down, fail over with {command}", cancellationToken,
            $"{app.Name}/watch/{decision.Next.ActedFor!.Value.ToUnixTimeMilliseconds()}");
        return Watched(app, state, $"{decision.Reason}; paged on-call to run {command}");
    }

    private async Task<FailoverResult> PageNoticeAsync(
        AppOptions app, AppState state, WatchDecision decision, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var pageEvent = decision.Action == WatchAction.PagePath ? PageEvent.NetworkPath : PageEvent.Flapping;
        var dedup = $"{app.Name}/watch/{decision.Action}/{now.ToUnixTimeMilliseconds()}";
        var notice = Page.Of(pageEvent, Watched(app, state, decision.Reason));
        await notifier.TryPublishAsync(app, notice, null, cancellationToken, dedup);
        return Watched(app, state, $"{decision.Reason}; paged on-call");
    }

    private async Task<FailoverResult> StartFailoverAsync(AppOptions app, WatchDecision decision, CancellationToken cancellationToken)
    {
        var since = decision.Next.ActedFor!.Value;
        var failover = new FailoverTrigger
        {
            Source = TriggerSource.Watch,
            Command = TriggerCommand.Failover,
            App = app.Name,
            IdempotencyKey = WatchDecision.TriggerKey(app.Name, since),
            StateChangedAt = since,
            Reason = decision.Reason,
        };
        return await switches.RunAsync(failover, app, SwitchDirection.Failover, cancellationToken);
    }

    private static FailoverResult SkewRejected(AppOptions app, DateTimeOffset now, DateTimeOffset clock) =>
        FailoverResult.Rejected(
            $"scheduledTime {now.ToString("u", CultureInfo.InvariantCulture)} is more than 24 hours from now "
            + $"({clock.ToString("u", CultureInfo.InvariantCulture)}); nothing was done", app.Name);

    /// <summary>The exact command the on-call runs to fail over.</summary>
    public static string FailoverCommand(AppOptions app) => OperatorCommands.Failover(app.Name);

    private static FailoverResult Watched(AppOptions app, AppState state, string reason) => new()
    {
        Outcome = Outcome.Watched,
        App = app.Name,
        ActiveRegion = state.ActiveRegion,
        TargetRegion = app.StandbyRegion,
        Reason = reason,
    };
}
