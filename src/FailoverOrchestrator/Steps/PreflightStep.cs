using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Replication;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Steps;

/// <summary>
/// Checks what must hold in the target region before anything changes, even with no task running there (a pilot
/// light): its ECS services exist, are ACTIVE and have a task definition to start, each global table's replica there
/// is ACTIVE and the writer-control table answers there. The health check must be healthy only when every service
/// already runs tasks (a warm standby must be healthy now); a standby at zero tasks is unhealthy until the scale-up, so
/// <see cref="TargetHealthyStep"/> waits for its health after (a record change still reads it: the read proves the
/// Route 53 API answers). Then the RPO gate (<see cref="ReplicationLagGate"/>) measures the replication lag. A plan
/// only reads, so it runs for real in a dry run too; a switch also writes a heartbeat in the source region to time the
/// replication. The ECS services are read by <see cref="TargetServicesRead"/>, the health check by
/// <see cref="TargetHealthRead"/>.
/// </summary>
internal sealed class PreflightStep(IRoute53Client route53, IEcsClient ecs, ITableStatusClient tables, IWriterControl writer,
    RoutingControlReadiness? routingControls = null, ReplicationLagGate? lag = null) : IFailoverStep
{
    public string Name => StepNames.Preflight;

    public Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken) =>
        RunAsync(context, execute: true, cancellationToken);

    public async Task<StepOutcome> PlanAsync(StepContext context, CancellationToken cancellationToken)
    {
        var outcome = await RunAsync(context, execute: false, cancellationToken);
        return outcome.Status == StepStatus.Blocked ? outcome : outcome with { Status = StepStatus.Planned };
    }

    private async Task<StepOutcome> RunAsync(StepContext context, bool execute, CancellationToken cancellationToken)
    {
        var outcome = await ReadinessAsync(context, cancellationToken);
        if (lag is null || outcome.Status == StepStatus.Blocked)
        {
            return outcome;
        }

        // The RPO gate: last, so that a target that is not ready blocks without waiting on replication.
        var check = await lag.CheckAsync(context, execute, cancellationToken);
        context.Rpo = check.Rpo;
        var calls = outcome.Calls.Concat(check.Calls).ToList();
        if (check.Block is { } block)
        {
            return new StepOutcome(StepStatus.Blocked, block, calls);
        }

        if (check.Warning is { } warning)
        {
            context.Warnings.Add(warning);
            return new StepOutcome(StepStatus.Warned, $"{outcome.Detail}. {check.Detail}", calls);
        }

        return outcome with { Detail = $"{outcome.Detail}. {check.Detail}", Calls = calls };
    }

    private async Task<StepOutcome> ReadinessAsync(StepContext context, CancellationToken cancellationToken)
    {
        var (problems, calls, _) = await CheckReadinessAsync(context, cancellationToken);
        if (problems.Count == 0)
        {
            return StepOutcome.Succeeded($"{context.TargetRegion} is ready to scale up", calls);
        }

        var detail = $"{context.TargetRegion} is not ready: {string.Join("; ", problems)}";
        if (context.App.PreflightPolicy == PreflightPolicy.Warn)
        {
            context.Warnings.AddRange(problems);
            return new StepOutcome(StepStatus.Warned, detail + " (policy Warn: proceeding)", calls);
        }

        return new StepOutcome(StepStatus.Blocked, detail, calls);
    }

    /// <summary>The readiness checks alone, read-only and without the RPO gate: what the scheduled watch runs between incidents.</summary>
    public async Task<TargetReadiness> CheckReadinessAsync(StepContext context, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var calls = new List<string>();
        var services = new List<(string, EcsService)>();
        var region = context.App.Regions[context.TargetRegion];
        var serving = await TargetServicesRead.CheckAsync(ecs, context.TargetRegion, region, services, problems, calls, cancellationToken);

        // A standby at zero tasks is unhealthy until the scale-up; read anyway for a record change, which needs the
        // Route 53 API (served from us-east-1): a dark API must block here, before anything is scaled.
        if (serving || context.App.Dns.Strategy == DnsStrategy.RecordChange)
        {
            await TargetHealthRead.CheckAsync(route53, context, region.HealthCheckId, serving, problems, calls, cancellationToken);
        }

        if (routingControls is not null && context.App.Dns.Strategy == DnsStrategy.RoutingControl)
        {
            await routingControls.CheckAsync(context, problems, calls, cancellationToken);
        }

        await CheckTablesAsync(context, region, problems, calls, cancellationToken);
        await CheckWriterControlAsync(context, problems, calls, cancellationToken);

        return new TargetReadiness(problems, calls, services);
    }

    private async Task CheckTablesAsync(
        StepContext context, RegionOptions region, List<string> problems, List<string> calls, CancellationToken cancellationToken)
    {
        foreach (var table in region.GlobalTables)
        {
            calls.Add($"dynamodb:DescribeTable region={context.TargetRegion} table={table}");
            try
            {
                var status = await tables.GetTableStatusAsync(context.TargetRegion, table, cancellationToken);
                if (status != "ACTIVE")
                {
                    problems.Add(status is null
                        ? $"DynamoDB table {table} has no replica in {context.TargetRegion}"
                        : $"DynamoDB replica {table} in {context.TargetRegion} is {status}, not ACTIVE");
                }
            }
            catch (AwsServiceException ex)
            {
                problems.Add($"DynamoDB table {table} could not be read in {context.TargetRegion}: {ex.ErrorCode}: {ex.AwsMessage}");
            }
        }
    }

    private async Task CheckWriterControlAsync(
        StepContext context, List<string> problems, List<string> calls, CancellationToken cancellationToken)
    {
        // PromoteWriter will write here; a table that does not answer now would fail the switch after the scale-up.
        var control = context.App.WriterControl;
        calls.Add($"dynamodb:GetItem region={context.TargetRegion} table={control.TableName} pk={control.Key}");
        try
        {
            await writer.ReadAsync(context.TargetRegion, control.TableName, control.Key, cancellationToken);
        }
        catch (AwsServiceException ex)
        {
            problems.Add(
                $"writer-control table {control.TableName} could not be read in {context.TargetRegion}: {ex.ErrorCode}: {ex.AwsMessage}");
        }
    }
}
