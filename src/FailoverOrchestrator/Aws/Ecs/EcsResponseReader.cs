using System.Text.Json;
using FailoverOrchestrator.Aws.Http;

namespace FailoverOrchestrator.Aws.Ecs;

/// <summary>Reads the ECS answers we use; anything missing is a <see cref="FormatException"/>.</summary>
internal static class EcsResponseReader
{
    public static EcsService UpdateService(string body)
    {
        using var document = JsonDocument.Parse(body);
        return Service(AwsJson.RequiredObject(AwsJson.RootObject(document), "service"));
    }

    public static DescribeServicesResult DescribeServices(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = AwsJson.RootObject(document);
        var services = AwsJson.OptionalArray(root, "services").Select(Service).ToList();
        var failures = AwsJson.OptionalArray(root, "failures")
            .Select(f =>
                new EcsFailure(AwsJson.OptionalString(f, "arn") ?? string.Empty, AwsJson.OptionalString(f, "reason") ?? string.Empty))
            .ToList();
        return new DescribeServicesResult(services, failures);
    }

    private static EcsService Service(JsonElement service) => new(
        AwsJson.RequiredString(service, "serviceName"),
        AwsJson.RequiredString(service, "serviceArn"),
        AwsJson.RequiredString(service, "status"),
        AwsJson.RequiredInt32(service, "desiredCount"),
        AwsJson.RequiredInt32(service, "runningCount"),
        AwsJson.RequiredInt32(service, "pendingCount"),
        AwsJson.OptionalString(service, "taskDefinition"));
}
