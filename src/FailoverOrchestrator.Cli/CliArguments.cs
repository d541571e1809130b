using FailoverOrchestrator.LocalCloud.Lambda;

namespace FailoverOrchestrator.Cli;

/// <summary>What a command was given, once <see cref="CliOptions"/> has parsed and checked it.</summary>
internal sealed record CliArguments
{
    public string? Payload { get; init; }

    public string? Config { get; init; }

    public string? Scenario { get; init; }

    public bool Json { get; init; }

    /// <summary>Whether <c>invoke</c> goes through a function process behind the Runtime API instead of in-process.</summary>
    public bool ViaRuntime { get; init; }

    /// <summary>Which build of the function the drill and <c>invoke --via-runtime</c> start (<c>--runtime
    /// managed|bootstrap|aot</c>).</summary>
    public LambdaRuntimeKind Runtime { get; init; } = LambdaRuntimeKind.Managed;

    /// <summary>An already published build of <see cref="Runtime"/> to start instead of building one (<c>--task-root DIR</c>).</summary>
    public string? TaskRoot { get; init; }
}
