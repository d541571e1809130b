using FailoverOrchestrator.Results;

namespace FailoverOrchestrator.Replication;

/// <summary>What the replication check found: the RPO, whether the switch may go on, and what to tell.</summary>
/// <param name="Rpo">The data at risk.</param>
/// <param name="Block">Why the switch must not go on; null when it may.</param>
/// <param name="Warning">Why it goes on although the gate would stop it (policy Warn, or the operator's accepted loss).</param>
/// <param name="Detail">The figures, for the step's detail.</param>
/// <param name="Calls">The DynamoDB calls made.</param>
internal sealed record LagCheck(RpoEstimate Rpo, string? Block, string? Warning, string Detail, IReadOnlyList<string> Calls);
