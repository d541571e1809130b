using System.ComponentModel;
using System.Diagnostics;

namespace FailoverOrchestrator.IntegrationTests.LocalCloud;

/// <summary>Runs a script of the test project's <c>node/</c> folder, where the pinned AWS SDK for JavaScript is installed.</summary>
internal static class NodeScript
{
    public static async Task<string> RunAsync(string script, IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        var folder = NodeFolder();
        using var process = Start(StartInfo(script, folder, environment), folder);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {script} did not finish in {timeout}. stderr: {await stderr}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {script} exited with {process.ExitCode}. stderr: {await stderr}");
        }

        return await stdout;
    }

    private static ProcessStartInfo StartInfo(string script, string folder, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("node", [script])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    /// <summary>Starts node, or says what to install when it is not on PATH.</summary>
    private static Process Start(ProcessStartInfo start, string folder)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "Node.js 20 is required to run the LocalCloud conformance test with the official AWS SDK for JavaScript, "
                + "and `node` was not found on PATH. Install Node.js 20 and build again (the build runs `npm ci` in " + folder + ").", e);
        }
    }

    /// <summary>Finds the test project's folder (the one with <c>node/package.json</c> beside the csproj) above the test
    /// assembly.</summary>
    private static string NodeFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var node = Path.Combine(folder.FullName, "node");
            if (File.Exists(Path.Combine(node, "package.json")) && folder.EnumerateFiles("*.csproj").Any())
            {
                if (!Directory.Exists(Path.Combine(node, "node_modules")))
                {
                    throw new InvalidOperationException(
                        $"{node}/node_modules is missing: build the test project (it runs `npm ci` there).");
                }

                return node;
            }
        }

        throw new InvalidOperationException($"No folder holding node/package.json next to a csproj above {AppContext.BaseDirectory}.");
    }
}
