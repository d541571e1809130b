using FailoverOrchestrator.LocalCloud.Lambda;

namespace FailoverOrchestrator.IntegrationTests.LambdaRuntime;

/// <summary>The builds every runtime case runs on.</summary>
public static class RuntimeKinds
{
    /// <summary>Every build: the managed runtime's, the self-contained bootstrap and the Native AOT bootstrap.</summary>
    public static TheoryData<LambdaRuntimeKind> All => new(Enum.GetValues<LambdaRuntimeKind>());
}
