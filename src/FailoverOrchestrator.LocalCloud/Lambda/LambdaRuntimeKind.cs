namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>The two ways Lambda starts this function.</summary>
public enum LambdaRuntimeKind
{
    /// <summary>The managed .NET runtime with an executable-assembly handler: <c>dotnet exec /var/task/FailoverOrchestrator.dll</c>.</summary>
    Managed,

    /// <summary>The OS-only runtime provided.al2023: <c>/var/task/bootstrap</c>, self-contained.</summary>
    ProvidedAl2023,
}
