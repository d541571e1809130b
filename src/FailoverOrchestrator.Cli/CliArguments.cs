using FailoverOrchestrator.LocalCloud.Lambda;

namespace FailoverOrchestrator.Cli;

/// <summary>The few options the CLI takes, parsed strictly: an unknown option is an error, not ignored.</summary>
internal sealed record CliArguments
{
    public string? Payload { get; init; }

    public string? Config { get; init; }

    public string? Scenario { get; init; }

    public bool Json { get; init; }

    /// <summary>Whether <c>invoke</c> goes through a function process behind the Runtime API instead of in-process.</summary>
    public bool ViaRuntime { get; init; }

    /// <summary>Which build of the function the drill and <c>invoke --via-runtime</c> start (<c>--runtime managed|bootstrap|aot</c>).</summary>
    public LambdaRuntimeKind Runtime { get; init; } = LambdaRuntimeKind.Managed;

    /// <summary>An already published build of <see cref="Runtime"/> to start instead of building one (<c>--task-root DIR</c>).</summary>
    public string? TaskRoot { get; init; }

    public string? Error { get; init; }

    public static CliArguments Parse(string[] args)
    {
        var result = new CliArguments();
        for (var i = 0; i < args.Length; i++)
        {
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            result = args[i] switch
            {
                "--payload" => Value() is { } p ? result with { Payload = p } : result with { Error = "--payload needs a file" },
                "--config" => Value() is { } c ? result with { Config = c } : result with { Error = "--config needs a file" },
                "--scenario" => Value() is { } s ? result with { Scenario = s } : result with { Error = "--scenario needs a name" },
                "--json" => result with { Json = true },
                "--via-runtime" => result with { ViaRuntime = true },
                "--runtime" => Value() is { } r && FunctionBuild.Parse(r) is { } kind
                    ? result with { Runtime = kind }
                    : result with { Error = $"--runtime needs one of {FunctionBuild.Names}" },
                "--task-root" => Value() is { } t ? result with { TaskRoot = t } : result with { Error = "--task-root needs a folder" },
                _ => result with { Error = $"unknown option '{args[i]}'" },
            };
            if (result.Error is not null)
            {
                return result;
            }
        }

        return result;
    }
}
