using System.Text.Json.Nodes;

namespace FailoverOrchestrator.LocalCloud.Ecs;

/// <summary>Writes a service in the shape of ECS's JSON 1.1 <c>Service</c> (timestamps as epoch seconds).</summary>
internal static class EcsServiceJson
{
    public static JsonObject Write(EcsServiceSnapshot service)
    {
        var taskDefinition = $"{service.ClusterArn.Split(":cluster/")[0]}:task-definition/{service.ServiceName}:1";
        var deployment = new JsonObject
        {
            ["id"] = $"ecs-svc/{service.CreatedAt.ToUnixTimeMilliseconds()}",
            ["status"] = "PRIMARY",
            ["taskDefinition"] = taskDefinition,
            ["desiredCount"] = service.DesiredCount,
            ["pendingCount"] = service.PendingCount,
            ["runningCount"] = service.RunningCount,
            ["failedTasks"] = 0,
            ["createdAt"] = EpochSeconds(service.CreatedAt),
            ["updatedAt"] = EpochSeconds(service.UpdatedAt),
            ["launchType"] = "FARGATE",
            ["rolloutState"] = service.RunningCount == service.DesiredCount ? "COMPLETED" : "IN_PROGRESS",
        };
        return new JsonObject
        {
            ["serviceArn"] = service.ServiceArn,
            ["serviceName"] = service.ServiceName,
            ["clusterArn"] = service.ClusterArn,
            ["status"] = service.Status,
            ["desiredCount"] = service.DesiredCount,
            ["runningCount"] = service.RunningCount,
            ["pendingCount"] = service.PendingCount,
            ["launchType"] = "FARGATE",
            ["taskDefinition"] = taskDefinition,
            ["deployments"] = new JsonArray(deployment),
            ["events"] = new JsonArray(),
            ["createdAt"] = EpochSeconds(service.CreatedAt),
            ["schedulingStrategy"] = "REPLICA",
        };
    }

    private static double EpochSeconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
