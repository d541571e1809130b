namespace FailoverOrchestrator.State;

/// <summary>A fenced write failed: another invocation holds a newer epoch. The holder must stop at once.</summary>
internal sealed class LeaseLostException(string app, long epoch)
    : Exception($"The lease of '{app}' at epoch {epoch} was taken over by another invocation; stopping before any further call.")
{
    public string App { get; } = app;

    public long Epoch { get; } = epoch;
}
