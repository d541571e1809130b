using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json.Nodes;

namespace FailoverOrchestrator.IntegrationTests.Aws;

/// <summary>Runs <c>node/wire-capture.mjs</c> (the official AWS SDK for JavaScript v3 clients) on a plan of calls.</summary>
internal static class NodeSdkRunner
{
    private const string ProjectFile = "FailoverOrchestrator.IntegrationTests.csproj";

    /// <summary>The <c>node</c> folder next to this project's csproj, found by walking up from the test assembly.</summary>
    public static string NodeFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, ProjectFile)))
            {
                var node = Path.Combine(directory.FullName, "node");
                Assert.True(
                    Directory.Exists(Path.Combine(node, "node_modules", "@aws-sdk")),
                    $"{node}/node_modules has no AWS SDK: build the test project (its build runs 'npm ci') before running the tests.");
                return node;
            }
        }

        throw new InvalidOperationException(
            $"No {ProjectFile} above {AppContext.BaseDirectory}: the test assembly is not inside its source tree.");
    }

    /// <summary>Runs the plan; returns one JSON result per call (<c>id</c>, <c>ok</c>, <c>error</c>).</summary>
    public static async Task<IReadOnlyList<JsonObject>> RunAsync(JsonObject plan, TimeSpan timeout)
    {
        var folder = NodeFolder();
        var planFile = Path.Combine(Path.GetTempPath(), $"wire-plan-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(planFile, plan.ToJsonString());
        try
        {
            var start = new ProcessStartInfo("node", [Path.Combine(folder, "wire-capture.mjs"), planFile])
            {
                WorkingDirectory = folder,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = StartNode(start);
            using var cancellation = new CancellationTokenSource(timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(cancellation.Token);
            var stderr = process.StandardError.ReadToEndAsync(cancellation.Token);
            await process.WaitForExitAsync(cancellation.Token);
            Assert.True(process.ExitCode == 0, $"node wire-capture.mjs exited with {process.ExitCode}:\n{await stderr}");
            return (await stdout)
                .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => JsonNode.Parse(line)!.AsObject())
                .ToList();
        }
        finally
        {
            File.Delete(planFile);
        }
    }

    private static Process StartNode(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            // Not a skip: without node the conformance of our clients is simply unproven.
            throw new InvalidOperationException(
                "Node.js 20 or later must be on PATH to run the official AWS SDK for JavaScript in the wire conformance test; 'node' was "
                + "not found.", e);
        }
    }
}
