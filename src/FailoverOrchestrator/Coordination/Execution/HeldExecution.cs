using FailoverOrchestrator.Configuration;
using FailoverOrchestrator.Pipeline;
using FailoverOrchestrator.State;

namespace FailoverOrchestrator.Coordination.Execution;

/// <summary>An execution whose lease this invocation holds: the state it was taken at, the steps' context and its audit.</summary>
internal sealed record HeldExecution(AppOptions App, AppState State, StepContext Context, ExecutionAudit Audit);
