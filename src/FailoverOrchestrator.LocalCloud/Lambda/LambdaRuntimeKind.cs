namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>The three builds of the function and how Lambda starts each.</summary>
public enum LambdaRuntimeKind
{
    /// <summary>The managed .NET runtime with an executable-assembly handler: <c>dotnet exec
    /// /var/task/FailoverOrchestrator.dll</c>.</summary>
    Managed,

    /// <summary>The OS-only runtime provided.al2023: <c>/var/task/bootstrap</c>, self-contained (the .NET runtime and JIT inside the
    /// zip).</summary>
    ProvidedAl2023,

    /// <summary>provided.al2023 with the same program compiled ahead of time: <c>/var/task/bootstrap</c> is a native executable, no
    /// JIT.</summary>
    ProvidedAl2023NativeAot,
}
