namespace FailoverOrchestrator.State;

/// <summary>The append-only audit trail.</summary>
internal interface IAuditLog
{
    /// <summary>Writes the event with <c>attribute_not_exists(sk)</c>; an event already written (a retry) is not duplicated and is not an
    /// error.</summary>
    Task AppendAsync(AuditEvent auditEvent, CancellationToken cancellationToken);

    /// <summary>Reads the app's most recent events, oldest first.</summary>
    Task<IReadOnlyList<AuditEvent>> ReadAsync(string app, int limit, CancellationToken cancellationToken);
}
