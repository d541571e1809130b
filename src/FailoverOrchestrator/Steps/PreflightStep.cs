using FailoverOrchestrator.Aws;
using FailoverOrchestrator.Aws.DynamoDb;
using FailoverOrchestrator.Aws.Ecs;
using FailoverOrchestrator.Aws.Route53;
using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Steps;

/// <summary>
/// Checks the target region can take traffic: its health check is healthy, its ECS services exist and are ACTIVE,
/// and each global table's replica there is ACTIVE. Reads only, so it runs for real in a dry run too.
/// </summary>
internal sealed class PreflightStep(IRoute53Client route53, IEcsClient ecs, ITableStatusClient tables) : IFailoverStep
{
    public string Name => StepNames.Preflight;

    public async Task<StepOutcome> ExecuteAsync(StepContext context, CancellationToken cancellationToken)
    {
        var (problems, calls) = await CheckAsync(context, cancellationToken);
        if (problems.Count == 0)
        {
            return StepOutcome.Succeeded($"{context.TargetRegion} is ready", calls);
        }

        var detail = $"{context.TargetRegion} is not ready: {string.Join("; ", problems)}";
        if (context.App.PreflightPolicy == PreflightPolicy.Warn)
        {
            context.Warnings.AddRange(problems);
            return new StepOutcome(StepStatus.Warned, detail + " (policy Warn: proceeding)", calls);
        }

        return new StepOutcome(StepStatus.Blocked, detail, calls);
    }

    public async Task<StepOutcome> PlanAsync(StepContext context, CancellationToken cancellationToken)
    {
        var outcome = await ExecuteAsync(context, cancellationToken);
        return outcome.Status == StepStatus.Blocked ? outcome : outcome with { Status = StepStatus.Planned };
    }

    private async Task<(List<string> Problems, List<string> Calls)> CheckAsync(StepContext context, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var calls = new List<string>();
        var region = context.App.Regions[context.TargetRegion];

        calls.Add($"route53:GetHealthCheckStatus HealthCheckId={region.HealthCheckId}");
        try
        {
            var status = await route53.GetHealthCheckStatusAsync(region.HealthCheckId, cancellationToken);
            if (!status.IsHealthy)
            {
                var healthy = status.Observations.Count(o => o.Status.StartsWith("Success", StringComparison.Ordinal));
                problems.Add($"health check {region.HealthCheckId} is unhealthy ({healthy} of {status.Observations.Count} checkers report success)");
            }
        }
        catch (AwsServiceException ex)
        {
            problems.Add($"health check {region.HealthCheckId} could not be read: {ex.ErrorCode}: {ex.AwsMessage}");
        }

        foreach (var cluster in region.Services.GroupBy(s => s.Cluster, StringComparer.Ordinal))
        {
            var names = cluster.Select(s => s.Service).ToList();
            calls.Add($"ecs:DescribeServices region={context.TargetRegion} cluster={cluster.Key} services={string.Join(",", names)}");
            try
            {
                var result = await ecs.DescribeServicesAsync(context.TargetRegion, cluster.Key, names, cancellationToken);
                foreach (var name in names)
                {
                    var service = result.Services.FirstOrDefault(s => s.ServiceName == name);
                    if (service is null)
                    {
                        problems.Add($"ECS service {cluster.Key}/{name} does not exist in {context.TargetRegion}");
                    }
                    else if (service.Status != "ACTIVE")
                    {
                        problems.Add($"ECS service {cluster.Key}/{name} is {service.Status}, not ACTIVE");
                    }
                }
            }
            catch (AwsServiceException ex)
            {
                problems.Add($"ECS services of cluster {cluster.Key} could not be read: {ex.ErrorCode}: {ex.AwsMessage}");
            }
        }

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
            catch (Amazon.Runtime.AmazonServiceException ex)
            {
                problems.Add($"DynamoDB table {table} could not be read in {context.TargetRegion}: {ex.ErrorCode}: {ex.Message}");
            }
            catch (AwsServiceException ex)
            {
                problems.Add($"DynamoDB table {table} could not be read in {context.TargetRegion}: {ex.ErrorCode}: {ex.AwsMessage}");
            }
        }

        return (problems, calls);
    }
}
