namespace FailoverOrchestrator.LocalCloud.Calls;

/// <summary>How often one operation was called, how many of those calls failed and how many failures were injected.</summary>
internal sealed record CallSummary(LocalService Service, string Operation, int Calls, int Errors, int Injected);
