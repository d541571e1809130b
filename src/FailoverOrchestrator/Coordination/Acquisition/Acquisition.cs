using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Coordination.Acquisition;

/// <summary>How an attempt to take the lease ended.</summary>
/// <param name="Request">The last request made.</param>
/// <param name="Held">The state as this invocation now holds it; null when it did not get the lease.</param>
/// <param name="Current">The last consistent read of the item, which explains a lost contest.</param>
/// <param name="WaitCancelled">The invocation's deadline ended a wait for another holder's lease.</param>
internal sealed record Acquisition(AcquireRequest Request, AppState? Held, AppState? Current, bool WaitCancelled = false);
