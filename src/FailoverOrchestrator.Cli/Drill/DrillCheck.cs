namespace FailoverOrchestrator.Cli.Drill;

/// <summary>One verified fact of the end state.</summary>
internal sealed record DrillCheck(string Name, bool Passed, string Detail);
