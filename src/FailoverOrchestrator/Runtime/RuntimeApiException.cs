namespace FailoverOrchestrator.Runtime;

/// <summary>The Runtime API answered with a status that leaves the process nothing to do but exit (500, or a malformed event).</summary>
internal sealed class RuntimeApiException(string message) : Exception(message);
