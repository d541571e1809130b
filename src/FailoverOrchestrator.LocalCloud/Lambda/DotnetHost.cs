namespace FailoverOrchestrator.LocalCloud.Lambda;

/// <summary>The dotnet host that starts the managed runtime's function (<c>dotnet exec</c>).</summary>
internal static class DotnetHost
{
    /// <summary>
    /// The dotnet host running this process (the SDK's `dotnet test`/`dotnet run` set DOTNET_HOST_PATH), else the one on PATH.
    /// </summary>
    public static string Path()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        if (Environment.ProcessPath is { } self && System.IO.Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        foreach (var dir in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = System.IO.Path.Combine(dir, "dotnet");
            if (File.Exists(candidate))
            {
                return new FileInfo(candidate).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? candidate;
            }
        }

        throw new FileNotFoundException(
            "the dotnet host was not found on PATH; the managed runtime starts the function with `dotnet exec`");
    }
}
