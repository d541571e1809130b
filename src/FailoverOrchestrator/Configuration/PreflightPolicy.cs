namespace FailoverOrchestrator.Configuration;

/// <summary>What preflight does when the target region is not ready.</summary>
public enum PreflightPolicy
{
    /// <summary>Stop: the result is Blocked and nothing changes.</summary>
    Block,

    /// <summary>Proceed and say so in the result and the notification.</summary>
    Warn,
}
