namespace FailoverOrchestrator.LocalCloud.Calls;

/// <summary>One call LocalCloud answered: what, where, how it ended and whether a fault was injected.</summary>
internal sealed record CallRecord(
    LocalService Service,
    string Operation,
    string? Region,
    int StatusCode,
    string? ErrorCode,
    bool Injected,
    DateTimeOffset Time);
