using System.Text.Json;
using System.Text.Json.Nodes;
using FailoverOrchestrator.LocalCloud.Http;

namespace FailoverOrchestrator.LocalCloud.RecoveryCluster;

/// <summary>
/// The ARC cluster API, JSON 1.0 (<c>X-Amz-Target: ToggleCustomerAPI.&lt;Operation&gt;</c>), as every cluster endpoint serves it.
/// Error status codes as the API reference's Errors sections list them
/// (https://docs.aws.amazon.com/routing-control/latest/APIReference/API_UpdateRoutingControlStates.html): ConflictException
/// 409, ServiceLimitExceededException 402, ResourceNotFoundException 404, ValidationException 400, ThrottlingException
/// 429, EndpointTemporarilyUnavailableException 503. The reference does not say which of its errors a safety-rule
/// refusal is; it documents two that mean "refused, try differently": ConflictException ("There was a conflict with
/// this request") and ServiceLimitExceededException. LocalCloud answers ConflictException naming the rule; the
/// orchestrator treats both as a refusal.
/// </summary>
internal sealed class RoutingControlEndpoint(RoutingControlStore store) : IServiceEndpoint
{
    private const string TargetPrefix = "ToggleCustomerAPI.";
    private const string ContentType = "application/x-amz-json-1.0";
    private static readonly string[] Operations = ["UpdateRoutingControlStates", "GetRoutingControlState"];

    public LocalService Service => LocalService.RecoveryCluster;

    public AwsProtocol Protocol => AwsProtocol.Json10;

    public string ThrottlingCode => "ThrottlingException";

    public bool Accepts(LocalRequest request) => JsonTarget.Accepts(request, TargetPrefix);

    public string? OperationOf(LocalRequest request) => JsonTarget.OperationOf(request, TargetPrefix, Operations);

    public LocalResponse Handle(LocalRequest request, string operation)
    {
        try
        {
            var input = Parse(request.Body);
            var output = operation switch
            {
                "UpdateRoutingControlStates" => Update(input),
                "GetRoutingControlState" => Get(input),
                _ =>
                    throw new ClusterErrorException(
                    400, "UnknownOperationException", $"Unknown operation {request.Header("X-Amz-Target")}"),
            };
            return new LocalResponse(200, ContentType, output.ToJsonString());
        }
        catch (ClusterErrorException error)
        {
            var members = error.ResourceId is null
                ? null
                : new JsonObject { ["resourceId"] = error.ResourceId, ["resourceType"] = error.ResourceType };
            return JsonTarget.Error(error.StatusCode, ContentType, error.Code, error.Message, members);
        }
    }

    public LocalResponse Render(ServiceErrorException error, string requestId) =>
        JsonTarget.Error(error.StatusCode, ContentType, error.Code, error.Message);

    private JsonObject Update(JsonObject input)
    {
        if (input["UpdateRoutingControlStateEntries"] is not JsonArray entries || entries.Count == 0)
        {
            throw Validation("UpdateRoutingControlStateEntries must hold at least one entry.");
        }

        var parsed = entries.Select(e => e as JsonObject ?? throw Validation("Each entry must be an object."))
            .Select(e => (Arn(e, "RoutingControlArn"), State(e)))
            .ToList();
        if (input["SafetyRulesToOverride"] is JsonArray { Count: > 0 })
        {
            // Not modelled: an override is a human's break-glass decision, never the orchestrator's.
            throw Validation("LocalCloud does not model SafetyRulesToOverride.");
        }

        store.Update(parsed);
        return [];
    }

    private JsonObject Get(JsonObject input)
    {
        var arn = Arn(input, "RoutingControlArn");
        var (name, on) = store.Get(arn);
        return new JsonObject { ["RoutingControlArn"] = arn, ["RoutingControlState"] = on ? "On" : "Off", ["RoutingControlName"] = name };
    }

    private static string Arn(JsonObject input, string member) =>
        input[member] is { } node && node.GetValueKind() == JsonValueKind.String && node.GetValue<string>() is { Length: > 0 } arn
            ? arn
            : throw Validation($"{member} is required.");

    private static bool State(JsonObject entry) => entry["RoutingControlState"]?.GetValueKind() == JsonValueKind.String
        ? entry["RoutingControlState"]!.GetValue<string>() switch
        {
            "On" => true,
            "Off" => false,
            var other => throw Validation($"RoutingControlState '{other}' must be On or Off."),
        }
        : throw Validation("RoutingControlState is required.");

    private static JsonObject Parse(string body)
    {
        try
        {
            return JsonNode.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body) as JsonObject
                ?? throw Validation("The body is not a JSON object.");
        }
        catch (JsonException)
        {
            throw new ClusterErrorException(400, "SerializationException", "The body is not valid JSON.");
        }
    }

    private static ClusterErrorException Validation(string message) => new(400, "ValidationException", message);
}
