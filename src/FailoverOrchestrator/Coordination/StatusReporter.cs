using System.Globalization;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Coordination;

/// <summary>Answers <c>status</c>: the state item and the latest audit events.</summary>
internal sealed class StatusReporter(IStateStore store, IAuditLog audit)
{
    public const int RecentEvents = 25;

    public async Task<FailoverResult> ReportAsync(AppOptions app, string? reason, CancellationToken cancellationToken)
    {
        var state = await store.GetAsync(app.Name, cancellationToken);
        var events = await audit.ReadAsync(app.Name, RecentEvents, cancellationToken);
        return new FailoverResult
        {
            Outcome = Outcome.Status,
            App = app.Name,
            ExecutionId = state?.ExecutionId,
            ActiveRegion = state?.ActiveRegion ?? app.PrimaryRegion,
            TargetRegion = state?.TargetRegion,
            Reason = reason
                ?? (state is null ? $"no execution yet: {app.PrimaryRegion} is active" : $"{state.Phase} in {state.ActiveRegion}"),
            Status = new StatusReport
            {
                Phase = (state?.Phase ?? Phase.Steady).ToString(),
                Epoch = state?.Epoch ?? 0,
                LeaseHolder = state?.Phase is Phase.FailingOver or Phase.FailingBack ? state.ExecutionId : null,
                LeaseExpiresAt = state?.LeaseExpiresAt,
                CompletedSteps = state?.CompletedSteps ?? [],
                Attempts = state?.Attempts ?? 0,
                LastTransitionAt = state?.LastTransitionAt,
                LastError = state?.LastError,
                WatchHistory = state?.Watch?.History ?? [],
                WatchFailingSince = state?.Watch?.FailingSince,
                WatchLastRunAt = state?.Watch?.LastRunAt,
                WatchLastVerdict = state?.Watch?.History is [var latest, ..] ? latest : null,
                StandbyReady = state?.Readiness?.Ready,
                StandbyReadySince = state?.Readiness?.Since,
                StandbyNotReadyReasons = state?.Readiness?.Reasons ?? [],
                RecentEvents = events.Select(Line).ToList(),
            },
        };
    }

    private static string Line(AuditEvent e) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{e.Timestamp:yyyy-MM-ddTHH:mm:ss.fffZ} {e.ExecutionId} epoch {e.Epoch} {e.Kind}"
            + $"{(e.Step is null ? string.Empty : " " + e.Step)}"
            + $"{(e.DurationMs is null ? string.Empty : $" {e.DurationMs}ms")}"
            + $"{(e.Detail is null ? string.Empty : ": " + e.Detail)}");
}
