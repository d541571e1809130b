namespace FailoverOrchestrator.LocalCloud.Faults;

/// <summary>
/// A fault armed on a service's operation (or every operation when <see cref="Operation"/> is null):
/// for the next <see cref="NextCalls"/> calls, or for a <see cref="Share"/> of calls drawn from the seeded random.
/// </summary>
internal sealed record FaultRule(LocalService Service, string? Operation, FaultKind Kind)
{
    /// <summary>Gets how many of the next matching calls the fault hits; null for no limit.</summary>
    /// <value>Defaults to null.</value>
    public int? NextCalls { get; init; }

    /// <summary>Gets the share of matching calls (0 to 1) the fault hits while it is armed.</summary>
    /// <value>Defaults to 1: every call.</value>
    public double Share { get; init; } = 1;

    /// <summary>Gets the delay a <see cref="FaultKind.Latency"/> fault adds.</summary>
    /// <value>Defaults to zero.</value>
    public TimeSpan Latency { get; init; }

    /// <summary>Gets the code of a <see cref="FaultKind.CustomError"/>.</summary>
    /// <value>Defaults to InternalFailure.</value>
    public string ErrorCode { get; init; } = "InternalFailure";

    /// <summary>Gets the HTTP status of a <see cref="FaultKind.CustomError"/>.</summary>
    /// <value>Defaults to 400.</value>
    public int StatusCode { get; init; } = 400;

    /// <summary>Gets the message of a <see cref="FaultKind.CustomError"/>.</summary>
    /// <value>Defaults to a message that names the fault as injected.</value>
    public string Message { get; init; } = "Injected by LocalCloud.";

    public bool Matches(LocalService service, string operation) =>
        Service == service && (Operation is null || string.Equals(Operation, operation, StringComparison.Ordinal));
}
