namespace FailoverOrchestrator.Cli.Drill;

/// <summary>Stands for the death of the process in the crash scenario.</summary>
internal sealed class SimulatedCrashException(string message) : Exception(message);
