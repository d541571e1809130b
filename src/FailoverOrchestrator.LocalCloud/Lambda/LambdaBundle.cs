using System.Diagnostics;

namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>
/// Publishes the function for one runtime with the arguments Amazon.Lambda.Tools passes to <c>dotnet publish</c>
/// (aws-extensions-for-dotnet-cli, LambdaDotNetCLIWrapper.GetPublishArguments): <c>--configuration</c>,
/// <c>--framework</c>, <c>/p:GenerateRuntimeConfigurationFiles=true</c>, <c>--runtime linux-x64</c>, then
/// <c>--self-contained false</c> unless the project sets SelfContained (the bootstrap project does), and for a
/// Native AOT build (PublishAot=true in its msbuild-parameters) <c>/p:StripSymbols=true</c>.
/// </summary>
internal static class LambdaBundle
{
    /// <summary>The msbuild-parameters that make the bootstrap project a Native AOT build; the tools see "PublishAot=true" in
    /// them.</summary>
    public const string NativeAotParameters = "/p:PublishAot=true";

    /// <summary>The <c>dotnet</c> arguments that publish <paramref name="runtime"/>'s build from <paramref name="repositoryRoot"/> into
    /// <paramref name="output"/>.</summary>
    public static string[] PublishArguments(LambdaRuntimeKind runtime, string repositoryRoot, string output)
    {
        var project = Path.Combine(repositoryRoot, "src", runtime == LambdaRuntimeKind.Managed
            ? "FailoverOrchestrator" : "FailoverOrchestrator.Bootstrap");
        string[] common = ["publish", project, "--output", output, "--configuration", "Release", "--framework", "net8.0"];
        string[] specific = runtime switch
        {
            LambdaRuntimeKind.Managed =>
                ["/p:GenerateRuntimeConfigurationFiles=true", "--runtime", "linux-x64", "--self-contained", "false"],
            LambdaRuntimeKind.ProvidedAl2023 => ["/p:GenerateRuntimeConfigurationFiles=true", "--runtime", "linux-x64"],
            _ => [NativeAotParameters, "/p:GenerateRuntimeConfigurationFiles=true", "--runtime", "linux-x64", "/p:StripSymbols=true"],
        };
        return [.. common, .. specific, "-nologo", "-v", "q"];
    }

    /// <summary>
    /// Publishes into <paramref name="output"/> (emptied first); throws with the build's output when it fails. With
    /// <paramref name="artifactsPath"/>, the build keeps its intermediate files there (<c>--artifacts-path</c>) instead
    /// of in each project's obj folder, so it neither disturbs nor waits for a build of another runtime.
    /// </summary>
    public static async Task PublishAsync(LambdaRuntimeKind runtime, string repositoryRoot, string output, string? artifactsPath = null,
        CancellationToken cancellationToken = default)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }

        var arguments = PublishArguments(runtime, repositoryRoot, output);
        if (artifactsPath is not null)
        {
            arguments = [.. arguments, "--artifacts-path", artifactsPath];
        }

        await RunDotnetAsync(arguments, cancellationToken);
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/>; throws with its output when it fails.</summary>
    private static async Task RunDotnetAsync(string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet", arguments) { RedirectStandardOutput = true, RedirectStandardError = true,
            UseShellExecute = false };

        // A test host's or `dotnet run`'s MSBuild variables would point the child build at their build nodes.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await stdout}\n{await stderr}");
        }
    }

    /// <summary>The repository (the folder holding FailoverOrchestrator.sln) above <paramref name="start"/>, or null.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FailoverOrchestrator.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
