using System.Text.Json.Serialization;

namespace FailoverOrchestrator.Triggers.Events;

/// <summary>An operator's command. Unknown members are refused: a misspelt <c>dryRun</c> must not turn a rehearsal into a
/// failover.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
internal sealed record OperatorCommand(
    [property: JsonPropertyName("command")] string? Command,
    [property: JsonPropertyName("app")] string? App,
    [property: JsonPropertyName("dryRun")] bool? DryRun,
    [property: JsonPropertyName("reason")] string? Reason,
    [property: JsonPropertyName("confirm")] string? Confirm,
    [property: JsonPropertyName("region")] string? Region,
    [property: JsonPropertyName("scheduledTime")] string? ScheduledTime = null,
    [property: JsonPropertyName("acceptDataLossSeconds")] int? AcceptDataLossSeconds = null);
