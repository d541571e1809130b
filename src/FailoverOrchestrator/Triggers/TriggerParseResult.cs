namespace FailoverOrchestrator.Triggers;

/// <summary>Either a trigger or the reason the input was rejected.</summary>
internal sealed record TriggerParseResult(FailoverTrigger? Trigger, string? Error)
{
    public static TriggerParseResult Success(FailoverTrigger trigger) => new(trigger, null);

    public static TriggerParseResult Reject(string error) => new(null, error);
}
