using FailoverOrchestrator.Triggers.Events;

namespace FailoverOrchestrator.Triggers;

/// <summary>
/// What one alarm delivery format carries, under the names that format gives it (<see cref="ArnField"/>,
/// <see cref="AccountField"/>, <see cref="Where"/>), so that a rejection names the field the way the event spells it.
/// </summary>
internal sealed record AlarmFields
{
    public required TriggerSource Source { get; init; }

    /// <summary>The object that holds the alarm's name and state (<c>alarmData</c>, <c>detail</c>, the SNS message).</summary>
    public required string Where { get; init; }

    public required string? AlarmName { get; init; }

    public required string? Arn { get; init; }

    public required string ArnField { get; init; }

    public required string? Account { get; init; }

    public required string AccountField { get; init; }

    /// <summary>The region the event says it comes from; null when the format does not say.</summary>
    public required string? EventRegion { get; init; }

    public required AlarmState? State { get; init; }

    public required string? PreviousState { get; init; }

    /// <summary>Whether the alarm is a composite alarm (its configuration has an alarm rule).</summary>
    public required bool IsComposite { get; init; }
}
