using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;

namespace FailoverOrchestrator.Steps;

/// <summary>The DNS step of the pipeline: each app's <see cref="DnsRecordOptions.Strategy"/> picks a record change or a routing-control
/// switch.</summary>
internal sealed class TrafficSwitchStep(DnsUpsertStep recordChange, RoutingControlSwitchStep routingControl) : IFailoverStep
{
    public string Name => StepNames.DnsUpsert;

    public Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken) =>
        For(context.App).ExecuteAsync(context, cancellationToken);

    public Task<StepOutcome> PlanAsync(StepContext context, CancellationToken cancellationToken) =>
        For(context.App).PlanAsync(context, cancellationToken);

    private IFailoverStep For(AppOptions app) =>
        app.Dns.Strategy == DnsStrategy.RoutingControl ? routingControl : recordChange;
}
