namespace FailoverOrchestrator.LocalCloud.Dynalite;

/// <summary>Finds dynalite's <c>cli.js</c>: an explicit path, then <c>DYNALITE_PATH</c>, then the repository's installed copy.</summary>
internal static class DynaliteLocator
{
    /// <summary>The environment variable that names the dynalite package folder (or its <c>cli.js</c>).</summary>
    public const string PathVariable = "DYNALITE_PATH";

    private const string RepositoryRelativePath = "src/FailoverOrchestrator.LocalCloud/node/node_modules/dynalite";

    /// <summary>The full path of <c>cli.js</c>; throws with what to install or run when dynalite cannot be found.</summary>
    public static string FindCli(string? explicitPath = null)
    {
        var configured = explicitPath ?? Environment.GetEnvironmentVariable(PathVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return CliIn(configured) ?? throw new InvalidOperationException(
                $"dynalite was not found at '{configured}' (from {(explicitPath is null ? PathVariable : "the explicit path")}): "
                + "name the dynalite package folder or its cli.js.");
        }

        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (CliIn(Path.Combine(folder.FullName, RepositoryRelativePath)) is { } cli)
            {
                return cli;
            }
        }

        throw new InvalidOperationException(
            $"dynalite was not found above '{AppContext.BaseDirectory}' (looked for {RepositoryRelativePath}/cli.js). "
            + "Build src/FailoverOrchestrator.LocalCloud (its build runs 'npm ci' in its node/ folder; Node.js 20 with npm is required), "
            + $"or run 'npm ci' in src/FailoverOrchestrator.LocalCloud/node yourself, or set {PathVariable} to an installed dynalite "
                + $"package folder.");
    }

    private static string? CliIn(string path)
    {
        if (File.Exists(path) && Path.GetFileName(path) == "cli.js")
        {
            return Path.GetFullPath(path);
        }

        var cli = Path.Combine(path, "cli.js");
        return File.Exists(cli) ? Path.GetFullPath(cli) : null;
    }
}
