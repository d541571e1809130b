using System.Text.Json.Serialization;

namespace FailoverOrchestrator.Runtime;

/// <summary>Source-generated serialization of the Runtime API's error document (errorMessage, errorType, stackTrace).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(RuntimeError))]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
