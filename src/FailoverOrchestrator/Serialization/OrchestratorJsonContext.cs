using System.Text.Json.Serialization;
using FailoverOrchestrator.Results;
using FailoverOrchestrator.Triggers.Events;

namespace FailoverOrchestrator.Serialization;

/// <summary>Source-generated serialization for every event and result type: no reflection at cold start.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    PropertyNameCaseInsensitive = false,
    MaxDepth = 32)]
[JsonSerializable(typeof(AlarmLambdaActionEvent))]
[JsonSerializable(typeof(EventBridgeAlarmEvent))]
[JsonSerializable(typeof(SnsEvent))]
[JsonSerializable(typeof(SnsAlarmMessage))]
[JsonSerializable(typeof(OperatorCommand))]
[JsonSerializable(typeof(FailoverResult))]
internal sealed partial class OrchestratorJsonContext : JsonSerializerContext;
