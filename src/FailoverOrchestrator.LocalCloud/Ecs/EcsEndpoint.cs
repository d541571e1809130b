using System.Text.Json;
using System.Text.Json.Nodes;
using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.Ecs;

/// <summary>ECS's JSON 1.1 API: <c>X-Amz-Target: AmazonEC2ContainerServiceV20141113.&lt;Operation&gt;</c>.</summary>
internal sealed class EcsEndpoint(EcsStore store) : IServiceEndpoint
{
    private const string TargetPrefix = "AmazonEC2ContainerServiceV20141113.";
    private const string ContentType = "application/x-amz-json-1.1";
    private const int MaxDescribedServices = 10;
    private static readonly string[] Operations = ["UpdateService", "DescribeServices"];

    public LocalService Service => LocalService.Ecs;

    public AwsProtocol Protocol => AwsProtocol.Json11;

    public string ThrottlingCode => "ThrottlingException";

    public bool Accepts(LocalRequest request) => JsonTarget.Accepts(request, TargetPrefix);

    public string? OperationOf(LocalRequest request) => JsonTarget.OperationOf(request, TargetPrefix, Operations);

    public LocalResponse Handle(LocalRequest request, string operation)
    {
        var input = Parse(request.Body);
        var region = request.Region
            ?? throw ServiceErrorException.BadRequest("InvalidParameterException", "No region in the credential scope.");
        var cluster = Text(input, "cluster") ?? "default";
        var output = operation switch
        {
            "UpdateService" => UpdateService(region, cluster, input),
            "DescribeServices" => DescribeServices(region, cluster, input),
            _ => throw ServiceErrorException.BadRequest("UnknownOperationException", $"Unknown operation {request.Header("X-Amz-Target")}"),
        };
        return new LocalResponse(200, ContentType, output.ToJsonString());
    }

    public LocalResponse Render(ServiceErrorException error, string requestId) =>
        JsonTarget.Error(error.StatusCode, ContentType, error.Code, error.Message);

    private JsonObject UpdateService(string region, string cluster, JsonObject input)
    {
        var service = Text(input, "service") ?? throw InvalidParameter("Service name or ARN must be specified.");
        int? desiredCount = null;
        if (input["desiredCount"] is { } desired)
        {
            desiredCount = desired.GetValueKind() == JsonValueKind.Number && desired.GetValue<double>() is var d && d == Math.Floor(d)
                && d <= int.MaxValue
                ? (int)d
                : throw Serialization("desiredCount");
            if (desiredCount < 0)
            {
                throw InvalidParameter("Desired count must be greater than or equal to 0.");
            }
        }

        return new JsonObject { ["service"] = EcsServiceJson.Write(store.UpdateDesiredCount(region, cluster, service, desiredCount)) };
    }

    private JsonObject DescribeServices(string region, string cluster, JsonObject input)
    {
        if (input["services"] is not JsonArray names || names.Any(n => n?.GetValueKind() != JsonValueKind.String))
        {
            throw InvalidParameter("Services cannot be empty.");
        }

        if (names.Count is 0 or > MaxDescribedServices)
        {
            throw InvalidParameter(names.Count == 0 ? "Services cannot be empty." : "Services cannot contain more than 10 items.");
        }

        var (found, missing) = store.Describe(region, cluster, names.Select(n => n!.GetValue<string>()));
        return new JsonObject
        {
            ["services"] = new JsonArray(found.Select(s => (JsonNode)EcsServiceJson.Write(s)).ToArray()),
            ["failures"] =
                new JsonArray(missing.Select(arn => (JsonNode)new JsonObject { ["arn"] = arn, ["reason"] = "MISSING" }).ToArray()),
        };
    }

    private static JsonObject Parse(string body)
    {
        try
        {
            return JsonNode.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body) as JsonObject
                ?? throw Serialization("the request body");
        }
        catch (JsonException)
        {
            throw Serialization("the request body");
        }
    }

    private static string? Text(JsonObject input, string name) => input[name] switch
    {
        null => null,
        var node when node.GetValueKind() == JsonValueKind.String => node.GetValue<string>(),
        _ => throw Serialization(name),
    };

    private static ServiceErrorException InvalidParameter(string message) =>
        ServiceErrorException.BadRequest("InvalidParameterException", message);

    private static ServiceErrorException Serialization(string member) =>
        ServiceErrorException.BadRequest("SerializationException", $"Cannot read {member}: the JSON does not have the expected shape.");
}
