namespace FailoverOrchestrator.State;

/// <summary>The phase of an app's state item.</summary>
internal enum Phase
{
    Steady,
    FailingOver,
    FailingBack,
    Failed,
}
