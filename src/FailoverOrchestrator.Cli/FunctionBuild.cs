using FailoverOrchestrator.LocalCloud.Lambda;

namespace FailoverOrchestrator.Cli;

/// <summary>
/// The build of the function a local run starts as Lambda would: the managed runtime's (this program's own folder holds
/// FailoverOrchestrator.dll), or a <c>bootstrap</c> for provided.al2023, self-contained or Native AOT, published from
/// the repository on first use into <c>artifacts/cli-lambda/</c> (later runs reuse the build's incremental output).
/// </summary>
internal sealed record FunctionBuild(LambdaRuntimeKind Runtime, string TaskRoot)
{
    public static string Names => "managed, bootstrap, aot";

    /// <summary>How Lambda starts this build, for the progress lines.</summary>
    public string StartLine => Runtime == LambdaRuntimeKind.Managed
        ? "dotnet exec FailoverOrchestrator.dll"
        : Runtime == LambdaRuntimeKind.ProvidedAl2023 ? "./bootstrap, self-contained" : "./bootstrap, Native AOT";

    public static LambdaRuntimeKind? Parse(string name) => name switch
    {
        "managed" => LambdaRuntimeKind.Managed,
        "bootstrap" => LambdaRuntimeKind.ProvidedAl2023,
        "aot" => LambdaRuntimeKind.ProvidedAl2023NativeAot,
        _ => null,
    };

    /// <summary>
    /// The build <paramref name="options"/> ask for: <c>--task-root</c> when given (it must hold the build's entry
    /// point), else the managed build beside this program, else a bootstrap published now. Null, with the reason on
    /// <paramref name="error"/>, when it cannot be had.
    /// </summary>
    public static async Task<FunctionBuild?> ResolveAsync(
        CliArguments options, TextWriter progress, TextWriter error, CancellationToken cancellationToken)
    {
        if (options.TaskRoot is { } given)
        {
            return await GivenAsync(options.Runtime, given, error);
        }

        if (options.Runtime == LambdaRuntimeKind.Managed)
        {
            return new FunctionBuild(options.Runtime, AppContext.BaseDirectory);
        }

        if (LambdaBundle.FindRepositoryRoot(AppContext.BaseDirectory) is not { } repository)
        {
            var name = options.Runtime == LambdaRuntimeKind.ProvidedAl2023 ? "bootstrap" : "aot";
            await error.WriteLineAsync($"error: --runtime {name} builds the bootstrap from the repository, and none is above "
                + $"{AppContext.BaseDirectory}: publish it yourself and pass --task-root DIR");
            return null;
        }

        return await PublishAsync(options.Runtime, repository, progress, cancellationToken);
    }

    /// <summary>The build in <c>--task-root</c>, when the folder holds the runtime's entry point.</summary>
    private static async Task<FunctionBuild?> GivenAsync(LambdaRuntimeKind runtime, string given, TextWriter error)
    {
        var entry = runtime == LambdaRuntimeKind.Managed ? "FailoverOrchestrator.dll" : "bootstrap";
        var root = Path.GetFullPath(given);
        if (!File.Exists(Path.Combine(root, entry)))
        {
            await error.WriteLineAsync(
                $"error: --task-root '{root}' holds no {entry}: publish the {runtime} build there first (infra/README.md)");
            return null;
        }

        return new FunctionBuild(runtime, root);
    }

    /// <summary>A bootstrap published from the repository into <c>artifacts/cli-lambda/</c>.</summary>
    private static async Task<FunctionBuild> PublishAsync(
        LambdaRuntimeKind runtime, string repository, TextWriter progress, CancellationToken cancellationToken)
    {
        var output = Path.Combine(repository, "artifacts", "cli-lambda", runtime.ToString());
        await progress.WriteLineAsync(runtime == LambdaRuntimeKind.ProvidedAl2023NativeAot
            ? $"publishing the Native AOT bootstrap into {output} "
                + "(about a minute the first time: the whole program is compiled to machine code) ..."
            : $"publishing the self-contained bootstrap into {output} ...");
        // The Native AOT build keeps its intermediate files apart, so the JIT builds' obj folders need no rebuild after it.
        var artifacts = runtime == LambdaRuntimeKind.ProvidedAl2023NativeAot
            ? Path.Combine(repository, "artifacts", "cli-lambda-build")
            : null;
        await LambdaBundle.PublishAsync(runtime, repository, output, artifacts, cancellationToken);
        return new FunctionBuild(runtime, output);
    }
}
