using System.CommandLine;
using System.CommandLine.Parsing;
using FailoverOrchestrator.Cli.Drill.Scenarios;
using FailoverOrchestrator.LocalCloud.Lambda;

namespace FailoverOrchestrator.Cli;

/// <summary>
/// The options of the commands, each checked where it is parsed, so a bad value is a usage error (exit 2) that names
/// the option before anything starts.
/// </summary>
internal static class CliOptions
{
    public const string DefaultScenario = "region-outage";

    public static Option<string> Payload() => new("--payload")
    {
        Description = "The event or operator command to hand the handler, a JSON file.",
        HelpName = "FILE",
        Required = true,
        Validators = { ExistingFile },
    };

    public static Option<string> Config() => new("--config")
    {
        Description = "The orchestrator configuration (default: ORCHESTRATOR_CONFIG, else the sample shipped with the CLI).",
        HelpName = "FILE",
        Validators = { ExistingFile },
    };

    public static Option<bool> ViaRuntime() => new("--via-runtime")
    {
        Description = "Start the function as a separate process, as its Lambda runtime starts it, behind a local Runtime API;"
            + " its AWS_* variables pass on.",
    };

    public static Option<LambdaRuntimeKind> Runtime() => new("--runtime")
    {
        Description = "Which build the function processes run: managed (dotnet exec), bootstrap (provided.al2023, self-contained)"
            + " or aot (provided.al2023, Native AOT). bootstrap and aot are published into artifacts/cli-lambda/ first.",
        HelpName = "managed|bootstrap|aot",
        DefaultValueFactory = _ => LambdaRuntimeKind.Managed,
        CustomParser = ParseRuntime,
    };

    public static Option<string> TaskRoot() => new("--task-root")
    {
        Description = "A folder that already holds the published build of --runtime, started instead of publishing one.",
        HelpName = "DIR",
    };

    public static Option<string> Scenario() => new("--scenario")
    {
        Description = $"The scenario(s) to run, separated by commas, or all: {string.Join(", ", DrillScenario.All.Select(s => s.Name))}.",
        HelpName = "NAME[,NAME...]|all",
        DefaultValueFactory = _ => DefaultScenario,
        Validators = { KnownScenarios },
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print the drill's account as one JSON document on stdout (progress on stderr).",
    };

    /// <summary>The scenario names of a <c>--scenario</c> value, in order; <c>all</c> stands for every scenario.</summary>
    public static IReadOnlyList<string> ScenarioNames(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static LambdaRuntimeKind ParseRuntime(ArgumentResult result)
    {
        var name = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
        if (FunctionBuild.Parse(name) is { } kind)
        {
            return kind;
        }

        result.AddError($"--runtime '{name}' is not a build: use one of {FunctionBuild.Names}");
        return LambdaRuntimeKind.Managed;
    }

    private static void ExistingFile(OptionResult result)
    {
        if (result.Tokens.Count == 1 && !File.Exists(result.Tokens[0].Value))
        {
            result.AddError($"{Name(result)} file '{result.Tokens[0].Value}' does not exist");
        }
    }

    private static void KnownScenarios(OptionResult result)
    {
        if (result.Tokens.Count != 1)
        {
            return;
        }

        var names = ScenarioNames(result.Tokens[0].Value);
        var unknown = names.Where(n => n != "all" && DrillScenario.All.All(s => s.Name != n)).ToList();
        if (unknown.Count > 0 || names.Count == 0)
        {
            result.AddError($"--scenario: unknown scenario '{string.Join(",", unknown)}'; scenarios: "
                + $"{string.Join(", ", DrillScenario.All.Select(s => s.Name))}, all (several separated by commas)");
        }
    }

    private static string Name(OptionResult result) => result.Option.Name;
}
