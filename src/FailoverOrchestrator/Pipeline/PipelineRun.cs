namespace FailoverOrchestrator.Pipeline;

/// <summary>How a pipeline run ended when it did not throw.</summary>
internal sealed record PipelineRun(bool Blocked, string? BlockedReason);
