using FailoverOrchestrator.LocalCloud;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Cli.Drill.Scenarios;

/// <summary>
/// The app switches traffic with Route 53 ARC routing controls. Two of the cluster's five endpoints refuse connections
/// (ARC keeps at least three available); the primary goes down; the switch goes through a third endpoint.
/// </summary>
internal sealed class ArcEndpointDownScenario : DrillScenario
{
    private static readonly string[] Down = ["us-east-1", "us-west-2"];

    public override string Name => "arc-endpoint-down";

    public override string Description =>
        "traffic moves by Route 53 ARC routing controls; two of the cluster's five endpoints refuse connections; the primary goes down; "
        + "the switch goes through a third endpoint";

    public override Outcome Expected => Outcome.FailedOver;

    public override IReadOnlyList<KeyValuePair<string, string?>> Overrides => RoutingControlSettings;

    /// <summary>The app switches by routing controls, and its orchestrator (function and state table) lives in the standby
    /// region.</summary>
    internal static IReadOnlyList<KeyValuePair<string, string?>> RoutingControlSettings { get; } =
    [
        new("Orchestrator:Apps:shop:Dns:Strategy", "RoutingControl"),
        new("Orchestrator:Region", "us-west-2"),
    ];

    public override async Task<ScenarioResult> RunAsync(DrillSession s, CancellationToken cancellationToken)
    {
        var timeline = new List<TimelineEntry>();
        foreach (var region in Down)
        {
            await s.World.Cloud.Cluster.TakeDownAsync(region);
        }

        timeline.Add(
            new TimelineEntry(
            TimeSpan.Zero, $"ARC cluster endpoints in {string.Join(" and ", Down)} refuse connections (3 of 5 up)", null,
            ScenarioKit.Drill));
        ScenarioKit.TakePrimaryDown(s, timeline);
        cancellationToken.ThrowIfCancellationRequested();

        var delivery = await ScenarioKit.DeliverAlarmAsync(s, timeline);

        var app = s.App;
        var checks = new List<DrillCheck>
        {
            RoutingControlChecks.ServesFrom(s, app.StandbyRegion),
            RoutingControlChecks.OneTransaction(s),
            RoutingControlChecks.AnsweredByLiveEndpoint(s, Down),
            EndStateChecks.NotCalled(s, LocalService.Route53, "ChangeResourceRecordSets"),
        };
        checks.AddRange(await FailoverChecks.StandbyTookOverAsync(s, delivery.Result?.ExecutionId));
        return Result(s, delivery.Result?.Outcome, timeline, checks, ScenarioKit.Rto(s, delivery));
    }
}
